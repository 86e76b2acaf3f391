// Settings: how soon Hearth locks itself, starting at login, backup and export, changing a
// passphrase (and the key behind it), and a new recovery code.

import { api, onBackupProgress, onRekeyProgress } from '../api.js';
import { recoveryCodeForm } from '../recovery-code.js';
import { h, errorSlot, field, labelled, mustMatch, onSubmit, showError, statusLine, value } from '../dom.js';
import { unlockedPartners } from '../people.js';
import { consentCard } from './consent.js';

const AUTO_LOCK_CHOICES = [1, 5, 10, 15, 30, 60, 120, 240];

export function renderSettings(app) {
  const section = h('section', { class: 'settings', 'aria-labelledby': 'settings-title' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'settings-title', text: 'Settings' }),
      h('button', { type: 'button', class: 'quiet', id: 'nav-about', text: 'About Hearth', onclick: () => app.go('about') })));
  const autoLock = autoLockForm();
  section.append(autoLock.element);
  section.append(autostartCard());
  section.append(backupCard());
  section.append(exportCard(app));
  section.append(h('div', { class: 'card' },
    h('h2', { text: 'Two laptops' }),
    h('p', { text: 'Keep your shared space on both your laptops, through a folder your sync tool already shares.' }),
    h('button', { type: 'button', id: 'open-sync', text: 'Set up or check sync', onclick: () => app.go('sync') })));
  section.append(consentCard(app));
  const here = unlockedPartners(app.status);
  for (const partner of here) section.append(passphraseForm(app, partner));
  // A new recovery code shows on screen, so it is offered only to a partner here alone.
  if (here.length === 1) section.append(recoveryCard(here[0]));
  autoLock.load();
  return section;
}

function autoLockForm() {
  const note = statusLine('auto-lock-status');
  const error = errorSlot('auto-lock-error');
  const select = h('select', { id: 'auto-lock', name: 'auto-lock' },
    AUTO_LOCK_CHOICES.map((minutes) => h('option', { value: minutes,
      text: minutes === 1 ? '1 minute' : `${minutes} minutes` })));
  const closeBox = h('input', { id: 'lock-on-close', type: 'checkbox' });
  const form = h('form', { class: 'card' },
    h('h2', { text: 'Auto-lock' }),
    labelled('auto-lock', 'Lock Hearth after it has been idle for', select),
    h('label', { class: 'check' }, closeBox, ' Lock when the window closes (reminders still come)'),
    note, error);
  closeBox.addEventListener('change', async () => {
    showError(error, null);
    try {
      const settings = await api.setLockOnClose(closeBox.checked);
      note.textContent = settings.lockOnClose ? 'Saved. Closing the window locks Hearth.' : 'Saved. Closing the window keeps Hearth unlocked in the tray.';
    } catch (err) {
      showError(error, err);
    }
  });
  select.addEventListener('change', async () => {
    showError(error, null);
    try {
      const settings = await api.setAutoLock(Number(select.value));
      note.textContent = `Saved. Hearth locks after ${settings.autoLockMinutes} idle minutes.`;
    } catch (err) {
      showError(error, err);
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  return {
    element: form,
    load: () => api.getSettings()
      .then((settings) => {
        select.value = String(settings.autoLockMinutes);
        closeBox.checked = settings.lockOnClose;
      })
      .catch((err) => showError(error, err)),
  };
}

// Off by default: Hearth starts at login (in the tray, without a window) only when asked to.
function autostartCard() {
  const error = errorSlot('autostart-error');
  const note = statusLine('autostart-status');
  const box = h('input', { id: 'autostart', type: 'checkbox' });
  const card = h('div', { class: 'card' },
    h('h2', { text: 'Start at login' }),
    h('label', { class: 'check' }, box, ' Start Hearth in the tray when I log in, so reminders come even if I never open it'),
    note, error);
  api.getAutostart().then((on) => { box.checked = on; }).catch((err) => {
    box.disabled = true;
    showError(error, err);
  });
  box.addEventListener('change', async () => {
    showError(error, null);
    try {
      box.checked = await api.setAutostart(box.checked);
      note.textContent = box.checked ? 'Hearth will start at login.' : 'Hearth will not start at login.';
    } catch (err) {
      box.checked = !box.checked;
      showError(error, err);
    }
  });
  return card;
}

// One encrypted file with everything, written while Hearth runs, with a progress bar.
function backupCard() {
  const error = errorSlot('backup-error');
  const bar = h('progress', { id: 'backup-progress', max: 1, value: 0, hidden: true, 'aria-label': 'Backup progress' });
  const note = statusLine('backup-status');
  const button = h('button', { type: 'button', id: 'backup-now', text: 'Back up now' });
  const card = h('div', { class: 'card', 'aria-labelledby': 'backup-title' },
    h('h2', { id: 'backup-title', text: 'Backup' }),
    h('p', { class: 'hint', text: 'One file with both of your spaces and the shared one, as encrypted as they are here. Restore it on a new computer with either passphrase.' }),
    bar, note, error, h('div', { class: 'actions start' }, button));
  button.addEventListener('click', async () => {
    showError(error, null);
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    note.textContent = 'Choose where to save the backup…';
    const stop = await onBackupProgress(({ done, total }) => {
      bar.max = total || 1;
      bar.value = done;
      note.textContent = `Backing up… ${Math.round((100 * done) / (total || 1))}%`;
    });
    try {
      const path = await api.backupVault();
      note.textContent = path ? `Backup saved to ${path}.` : '';
    } catch (err) {
      note.textContent = '';
      showError(error, err);
    } finally {
      stop();
      bar.hidden = true;
      button.disabled = false;
    }
  });
  return card;
}

// Markdown or JSON of one's own private entries and the shared ones; plain, or sealed with age.
function exportCard(app) {
  const here = unlockedPartners(app.status);
  const error = errorSlot('export-error');
  const note = statusLine('export-entries-status');
  const who = h('select', { id: 'export-who' }, here.map((p) => h('option', { value: p.id, text: p.name })));
  const format = h('select', { id: 'export-format' },
    h('option', { value: 'markdown', text: 'Markdown (readable)' }), h('option', { value: 'json', text: 'JSON (for other apps)' }));
  const encrypt = h('input', { id: 'export-encrypt', type: 'checkbox', checked: true });
  const warning = h('p', { class: 'error', id: 'export-warning', hidden: true,
    text: 'This export is not encrypted. Anyone who gets the file can read every entry in it.' });
  const passFields = h('div', {},
    field({ id: 'export-pass', label: 'Passphrase for the file', type: 'password', autocomplete: 'new-password', required: false,
      hint: 'Any age tool opens it with this passphrase (age -d).' }),
    field({ id: 'export-confirm', label: 'Type it again', type: 'password', autocomplete: 'new-password', required: false }));
  // Sitting together, an export of a private space needs its owner's passphrase there and then.
  const ownerPass = here.length > 1
    ? field({ id: 'export-owner-pass', label: 'Passphrase of the person whose export this is', type: 'password',
      autocomplete: 'current-password', required: false, hint: 'Their private entries leave Hearth only with their own passphrase.' })
    : null;
  encrypt.addEventListener('change', () => {
    passFields.hidden = !encrypt.checked;
    warning.hidden = encrypt.checked;
  });
  const form = h('form', { class: 'card', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title', text: 'Export entries' }),
    h('p', { class: 'hint', text: 'Your own private entries and the shared ones. The other partner\'s private entries are never included.' }),
    h('div', { class: 'row' },
      here.length > 1 ? labelled('export-who', 'Whose export', who) : null,
      labelled('export-format', 'Format', format)),
    h('label', { class: 'check' }, encrypt, ' Encrypt the file with a passphrase'),
    ownerPass, passFields, warning, note, error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', id: 'export-submit', text: 'Export…' })));
  onSubmit(form, error, 'Preparing the export…', async () => {
    note.textContent = '';
    let passphrase = null;
    if (encrypt.checked) {
      mustMatch('export-pass', 'export-confirm', "The two passphrases don't match. Type them again.");
      passphrase = value('export-pass');
    }
    const owner = here.length > 1 ? value('export-owner-pass') || null : null;
    const path = await api.exportEntries(who.value || here[0]?.id, format.value, passphrase, owner);
    note.textContent = path ? `Saved to ${path}.` : '';
  });
  return form;
}

// Changing a passphrase rewraps a key and is quick. Unlocked alone, a partner can also replace
// their private space's key, which copies it (with progress) and makes a new recovery code.
function passphraseForm(app, partner) {
  const id = (name) => `pass-${partner.id}-${name}`;
  const alone = unlockedPartners(app.status).length === 1;
  const error = errorSlot(id('error'));
  const done = statusLine();
  const bar = h('progress', { id: id('progress'), max: 1, value: 0, hidden: true, 'aria-label': 'Replacing the key' });
  const rekey = h('input', { type: 'checkbox', id: id('rekey') });
  const form = h('form', { class: 'card', 'aria-labelledby': id('title') },
    h('h2', { id: id('title'), text: `${partner.name}'s passphrase` }),
    h('p', { class: 'hint', text: 'On its own, changing it re-encrypts nothing, so it is quick, and the recovery code stays the same.' }),
    field({ id: id('current'), label: 'Current passphrase', type: 'password', autocomplete: 'current-password' }),
    field({ id: id('new'), label: 'New passphrase', type: 'password', autocomplete: 'new-password' }),
    field({ id: id('confirm'), label: 'Type the new one again', type: 'password', autocomplete: 'new-password' }),
    alone ? [
      h('label', { class: 'check' }, rekey, ' Also replace the encryption key of my private space'),
      h('p', { class: 'hint', text: 'Then older backups, your old passphrase and your old recovery code no longer open your private space as it is now. You get a new recovery code. On a large journal this takes a little while.' }),
    ] : null,
    bar, error, done,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: id('submit'), text: 'Change passphrase' })));
  onSubmit(form, error, 'Changing the passphrase…', async () => {
    done.textContent = '';
    mustMatch(id('new'), id('confirm'), "The two new passphrases don't match. Type them again.");
    if (!rekey.checked) {
      await api.changePassphrase(partner.id, value(id('current')), value(id('new')));
      form.reset();
      done.textContent = `${partner.name}'s passphrase is changed.`;
      return;
    }
    bar.hidden = false;
    const stop = await onRekeyProgress(({ done: copied, total }) => {
      bar.max = total || 1;
      bar.value = copied;
      done.textContent = `Replacing the key… ${Math.round((100 * copied) / (total || 1))}%`;
    });
    try {
      const code = await api.changePassphrase(partner.id, value(id('current')), value(id('new')), true);
      form.reset();
      showNewCode(form, partner, code, 'Your passphrase and the key of your private space are new. Your old recovery code no longer works; this one does. Hearth shows it only now.');
    } finally {
      stop();
      bar.hidden = true;
    }
  });
  return form;
}

// Unlocked alone, a partner can replace a recovery code that may have been seen.
function recoveryCard(partner) {
  const id = (name) => `recovery-${partner.id}-${name}`;
  const error = errorSlot(id('error'));
  const form = h('form', { class: 'card', 'aria-labelledby': id('title') },
    h('h2', { id: id('title'), text: `${partner.name}'s recovery code` }),
    h('p', { class: 'hint', text: 'If your recovery code may have been seen, make a new one. The old one stops working at once.' }),
    field({ id: id('pass'), label: 'Your passphrase', type: 'password', autocomplete: 'current-password' }),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: id('submit'), text: 'Make a new recovery code' })));
  onSubmit(form, error, 'Making a new recovery code…', async () => {
    const code = await api.newRecoveryCode(partner.id, value(id('pass')));
    form.reset();
    showNewCode(form, partner, code, 'Your old recovery code no longer works; this one does. Hearth shows it only now.');
  });
  return form;
}

// Puts a new recovery code in place of `card` until its owner has written it down.
function showNewCode(card, partner, code, line) {
  const shown = recoveryCodeForm({
    title: `${partner.name}'s new recovery code`,
    lines: [line, 'Write it down and keep it somewhere safe.'],
    code,
    nextText: 'Done',
    onNext: (form) => {
      form.replaceWith(card);
      card.querySelector('h2')?.setAttribute('tabindex', '-1');
      card.querySelector('h2')?.focus();
    },
  });
  card.replaceWith(shown);
}

