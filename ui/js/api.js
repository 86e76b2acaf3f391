// The one door to the Rust side. Every command error arrives as { kind, message }; it becomes an
// Error whose message is already in plain words, with `kind` kept for branching.

const tauri = window.__TAURI__;

async function call(command, args) {
  try {
    return await tauri.core.invoke(command, args);
  } catch (raw) {
    const error = new Error(raw?.message ?? 'Something went wrong inside Hearth. Try again.');
    error.kind = raw?.kind ?? 'internal';
    throw error;
  }
}

export const api = {
  status: () => call('vault_status'),
  setupCouple: (a, b) => call('setup_couple', { a, b }),
  unlock: (partner, passphrase) => call('unlock', { partner, passphrase }),
  addPartner: (partner, passphrase) => call('add_partner', { partner, passphrase }),
  lock: () => call('lock'),
  changePassphrase: (partner, current, next) =>
    call('change_passphrase', { partner, current, new: next }),
  resetPassphrase: (partner, recoveryCode, next) =>
    call('reset_passphrase', { partner, recoveryCode, new: next }),
  getSettings: () => call('get_settings'),
  setAutoLock: (minutes) => call('set_auto_lock', { minutes }),
  noteActivity: () => call('note_activity'),
};

export function onAutoLock(handler) {
  return tauri.event.listen('vault-locked', handler);
}
