// The lock screen. While Hearth runs it offers the names of those whose passphrase opens this
// laptop (both, or on a laptop that joined through sync, only its own partner); after a restart
// it knows no names and shows only "Hearth" and a passphrase field: nothing private appears
// before unlock.

import { api } from '../api.js';
import { h, field, errorSlot, onSubmit, value } from '../dom.js';
import { resetFields, resetWithCode } from '../recovery-reset.js';

export function renderLock(app) {
  const partners = app.status.partners.filter((partner) => partner.canUnlockHere);
  const main = h('main', { class: 'centered lock' });
  if (app.lockNotice) {
    main.append(h('p', { class: 'error', id: 'lock-notice', role: 'alert', text: app.lockNotice }));
    app.lockNotice = null;
  }
  if (partners.length === 2) main.append(choosePartner(app, partners, main));
  else main.append(passphraseForm(app, partners[0] ?? null, null, main));
  return main;
}

function choosePartner(app, partners, main) {
  const choices = partners.map((partner) => h('button', {
    type: 'button', class: 'partner-choice', id: `unlock-as-${partner.id}`, text: partner.name,
    onclick: () => {
      main.replaceChildren(passphraseForm(app, partner, () => {
        main.replaceChildren(choosePartner(app, partners, main));
        main.querySelector('.partner-choice').focus();
      }));
      main.querySelector('input').focus();
    },
  }));
  choices[0].setAttribute('data-autofocus', '');
  return h('section', { 'aria-labelledby': 'lock-title' },
    h('h1', { id: 'lock-title', text: 'Who is here?' }),
    h('div', { class: 'partner-choices' }, choices));
}

function passphraseForm(app, partner, back, main) {
  const error = errorSlot('unlock-error');
  const form = h('form', { class: 'card unlock', 'aria-labelledby': 'lock-title' },
    h('h1', { id: 'lock-title', text: partner ? `Welcome back, ${partner.name}` : 'Hearth' }),
    field({ id: 'unlock-pass', label: partner ? 'Your passphrase' : 'Passphrase', type: 'password',
      autocomplete: 'current-password', 'data-autofocus': true }),
    error,
    h('div', { class: 'actions' },
      back ? h('button', { type: 'button', class: 'quiet', id: 'unlock-back', text: 'Not me', onclick: back }) : null,
      // Only on a laptop that joined through sync: no one else can unlock here to help.
      app.status.recoversAtLockScreen ? h('button', {
        type: 'button', class: 'quiet', id: 'unlock-forgot', text: 'Forgot it? Use your recovery code',
        onclick: () => {
          main.replaceChildren(resetForm(app, partner, main));
          main.querySelector('input').focus();
        },
      }) : null,
      h('button', { type: 'submit', class: 'primary', id: 'unlock-submit', text: 'Unlock' })),
  );
  onSubmit(form, error, 'Opening your spaces…', async () => {
    app.setStatus(await api.unlock(partner?.id ?? null, value('unlock-pass')), 'home');
  }, () => {
    const input = form.querySelector('#unlock-pass');
    input.select();
    input.focus();
  });
  return form;
}

// A new passphrase with the recovery code this laptop showed when it joined; it opens Hearth.
function resetForm(app, partner, main) {
  const error = errorSlot('reset-error');
  const form = h('form', { class: 'card unlock', 'aria-labelledby': 'lock-title' },
    h('h1', { id: 'lock-title', text: 'Set a new passphrase' }),
    h('p', { text: 'Use the recovery code Hearth showed when this laptop joined, or the newest one from Settings. Nothing in your private space is lost.' }),
    resetFields(),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', id: 'reset-back', text: 'Back',
        onclick: () => {
          main.replaceChildren(passphraseForm(app, partner, null, main));
          main.querySelector('input').focus();
        } }),
      h('button', { type: 'submit', class: 'primary', id: 'reset-submit', text: 'Set new passphrase' })),
  );
  onSubmit(form, error, 'Setting the new passphrase…', async () => {
    app.setStatus(await resetWithCode(null), 'home');
  });
  return form;
}
