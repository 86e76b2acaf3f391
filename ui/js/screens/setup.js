// First-run setup: two partners, each with a name and a passphrase, then each one's recovery code,
// shown once and to its owner only. Or, on a second laptop, joining the shared space the first one
// keeps, through the folder the couple's sync tool shares and the code the first laptop shows.

import { api } from '../api.js';
import { h, field, errorSlot, onSubmit, mustMatch, showError, value } from '../dom.js';
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
      h('button', { type: 'button', id: 'join-open', class: 'quiet', text: 'Join from your other laptop',
        onclick: () => form.replaceWith(renderJoin(app, () => renderSetup(app))) }),
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

// Joining from a second laptop: the shared folder, the code from the first laptop's screen, then
// which of the two is here and a passphrase for this laptop. Only that partner can open Hearth
// here; the other's private space stays on their own laptop.
function renderJoin(app, back) {
  const error = errorSlot('join-error');
  const chosen = h('p', { id: 'join-folder', class: 'muted', text: 'No folder chosen yet.' });
  const who = h('fieldset', { class: 'who-joins', id: 'join-who', hidden: true }, h('legend', { text: 'Who is this laptop for?' }));
  const secret = h('div', { id: 'join-secret', hidden: true },
    field({ id: 'join-pass', label: 'Your passphrase on this laptop', type: 'password', autocomplete: 'new-password',
      hint: 'A few uncommon words work well. It may differ from the one on your other laptop.' }),
    field({ id: 'join-confirm', label: 'Type it again', type: 'password', autocomplete: 'new-password' }));
  const submit = h('button', { type: 'submit', class: 'primary', id: 'join-submit', text: 'Check the code' });
  const form = h('form', { class: 'card join', 'aria-labelledby': 'join-title', novalidate: true },
    h('h1', { id: 'join-title', tabindex: '-1', text: 'Join from your other laptop' }),
    h('p', { text: 'On your other laptop, Hearth showed a code under Settings, Two laptops. Choose the folder your sync tool shares between the two, then type that code.' }),
    chosen,
    h('button', { type: 'button', id: 'join-choose', text: 'Choose the folder…', onclick: async () => {
      showError(error, null);
      try {
        const folder = await api.chooseSyncFolder();
        if (folder) chosen.textContent = `Folder: ${folder}`;
      } catch (err) {
        showError(error, err);
      }
    } }),
    field({ id: 'join-code', label: 'The code from the other laptop', autocomplete: 'off', spellcheck: 'false' }),
    who, secret, error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', id: 'join-back', text: 'Back', onclick: () => form.replaceWith(back()) }),
      submit));
  let names = null;
  onSubmit(form, error, 'One moment…', async () => {
    const code = value('join-code');
    if (!names) {
      names = await api.readPairing(code);
      who.append(...['a', 'b'].map((id, i) => h('label', { class: 'check' },
        h('input', { type: 'radio', name: 'join-partner', id: `join-as-${id}`, value: id, checked: i === 0 }), ` ${names[i]}`)));
      who.hidden = false;
      secret.hidden = false;
      submit.textContent = 'Join';
      form.querySelector('#join-as-a').focus();
      return;
    }
    mustMatch('join-pass', 'join-confirm', 'The two passphrases don\'t match. Type them again.');
    const partner = form.querySelector('input[name="join-partner"]:checked').value;
    const joined = await api.joinSync(code, partner, value('join-pass'));
    const me = partner === 'a' ? 0 : 1;
    form.replaceWith(renderRecovery(app, joined.status, [
      { name: names[me], other: names[1 - me], code: joined.recoveryCode },
    ]));
  });
  queueMicrotask(() => form.querySelector('#join-choose').focus());
  return form;
}
