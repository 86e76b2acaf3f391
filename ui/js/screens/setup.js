// First-run setup: two partners, each with a name and a passphrase, then each one's recovery code,
// shown once and to its owner only.

import { api } from '../api.js';
import { h, field, errorSlot, onSubmit, mustMatch, value } from '../dom.js';
import { recoveryCodeForm } from '../recovery-code.js';

function partnerFieldset(letter, legend) {
  return h('fieldset', { class: 'card' },
    h('legend', { text: legend }),
    field({ id: `setup-${letter}-name`, label: 'Name or nickname', autocomplete: 'off', maxlength: 40 }),
    field({
      id: `setup-${letter}-pass`, label: 'Passphrase', type: 'password', autocomplete: 'new-password',
      hint: 'A few uncommon words work well. Only you should know it.',
    }),
    field({ id: `setup-${letter}-confirm`, label: 'Type it again', type: 'password', autocomplete: 'new-password' }),
  );
}

function readPartner(letter) {
  const name = value(`setup-${letter}-name`);
  mustMatch(`setup-${letter}-pass`, `setup-${letter}-confirm`,
    `${name.trim() || 'One of you'}: the two passphrases don't match. Type them again.`);
  return { name, passphrase: value(`setup-${letter}-pass`) };
}

export function renderSetup(app) {
  const error = errorSlot('setup-error');
  const form = h('form', { class: 'setup', 'aria-labelledby': 'setup-title', novalidate: true },
    h('h1', { id: 'setup-title', text: 'Welcome to Hearth' }),
    h('p', { class: 'lede', text: 'A quiet place for the two of you. Everything stays on this computer, encrypted. Each of you gets a private space the other cannot read, and a shared one.' }),
    h('div', { class: 'pair' },
      partnerFieldset('a', 'First partner'),
      partnerFieldset('b', 'Second partner')),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'restore-open', class: 'quiet', text: 'Restore from a backup instead',
        onclick: () => form.replaceWith(renderRestore(app, () => renderSetup(app))) }),
      h('button', { type: 'submit', id: 'setup-submit', class: 'primary', text: 'Create our spaces' })),
  );
  form.querySelector('#setup-a-name').setAttribute('data-autofocus', '');

  onSubmit(form, error, 'Creating your encrypted spaces…', async () => {
    const a = readPartner('a');
    const b = readPartner('b');
    const codes = await api.setupCouple(a, b);
    const status = await api.status();
    const names = Object.fromEntries(status.partners.map((p) => [p.id, p.name]));
    form.replaceWith(renderRecovery(app, status, [
      { name: names.a, other: names.b, code: codes.a },
      { name: names.b, other: names.a, code: codes.b },
    ]));
  });
  return h('main', { class: 'centered' }, form);
}

// One partner at a time, so each code is seen only by its owner.
function renderRecovery(app, status, queue) {
  const [current, ...rest] = queue;
  return recoveryCodeForm({
    title: `${current.name}'s recovery code`,
    lines: [
      `${current.other}, please look away for a moment.`,
      `${current.name}, if you ever forget your passphrase, this code opens your private space. Hearth shows it only now. Write it down and keep it somewhere safe.`,
    ],
    code: current.code,
    nextText: rest.length ? `Next: ${rest[0].name}'s code` : 'Continue to Hearth',
    onNext: (form) => {
      if (rest.length) form.replaceWith(renderRecovery(app, status, rest));
      else app.setStatus(status, 'home', { firstRun: true });
    },
  });
}

// Restore on a fresh install: choose the backup file, then open it with either passphrase. If a
// vault is already here, Hearth asks before replacing it.
export function renderRestore(app, back) {
  const error = errorSlot('restore-error');
  const form = h('form', { class: 'card restore', 'aria-labelledby': 'restore-title' },
    h('h1', { id: 'restore-title', tabindex: '-1', text: 'Restore from a backup' }),
    h('p', { text: 'Choose your Hearth backup file, then type either partner\'s passphrase from when it was made.' }),
    field({ id: 'restore-pass', label: 'Passphrase', type: 'password', autocomplete: 'current-password' }),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', id: 'restore-back', text: 'Back', onclick: () => form.replaceWith(back()) }),
      h('button', { type: 'submit', class: 'primary', id: 'restore-submit', text: 'Choose the file and restore' })));
  let replace = false;
  onSubmit(form, error, 'Checking and restoring the backup…', async () => {
    const status = await api.restoreBackup(value('restore-pass'), replace);
    if (status) app.setStatus(status, 'home');
  }, (err) => {
    if (err.kind === 'would_replace') {
      replace = true;
      form.querySelector('#restore-submit').textContent = 'Replace what is here and restore';
    }
  });
  queueMicrotask(() => form.querySelector('#restore-pass').focus());
  return form;
}
