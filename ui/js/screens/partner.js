// "Add partner to this session": the second partner unlocks their private space beside the first.
// A partner who forgot their passphrase resets it here with their recovery code, which works
// because the other partner's unlock already opened the shared space.

import { api } from '../api.js';
import { h, field, errorSlot, onSubmit, value } from '../dom.js';
import { resetFields, resetWithCode } from '../recovery-reset.js';
import { lockedPartners } from '../people.js';

export function renderAddPartner(app) {
  const [partner] = lockedPartners(app.status);
  if (!partner) return h('p', { text: 'You are both here already.' });
  const section = h('section', { 'aria-labelledby': 'add-title' });
  section.append(unlockForm(app, partner, section));
  return section;
}

function unlockForm(app, partner, section) {
  const error = errorSlot('add-error');
  const form = h('form', { class: 'card narrow' },
    h('h1', { id: 'add-title', text: `Add ${partner.name} to this session` }),
    h('p', { text: 'Sitting together, you share one screen. This is what it shows:' }),
    h('ul', { class: 'join-promises', id: 'join-promises' },
      h('li', { text: 'Neither private space shows on this screen while you are both here: no entries, no search results, no tags.' }),
      h('li', { text: 'To read or write in your own private space, open it in the Journal with your own passphrase. It closes again when you leave the Journal, or after five minutes without use.' }),
      h('li', { text: 'Sharing, deleting or exporting from a private space asks for its owner\'s passphrase each time.' }),
      h('li', { text: 'Either of you can leave this session from the menu, and the other stays.' })),
    field({ id: 'add-pass', label: `${partner.name}'s passphrase`, type: 'password', autocomplete: 'current-password', 'data-autofocus': true }),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', id: 'add-forgot', text: 'Forgot it? Use the recovery code',
        onclick: () => {
          section.replaceChildren(resetForm(app, partner, section));
          section.querySelector('input').focus();
        } }),
      h('button', { type: 'submit', class: 'primary', id: 'add-submit', text: 'Unlock' })),
  );
  onSubmit(form, error, 'Opening…', async () => {
    app.setStatus(await api.addPartner(partner.id, value('add-pass')), 'home');
  });
  return form;
}

function resetForm(app, partner, section) {
  const error = errorSlot('reset-error');
  const form = h('form', { class: 'card narrow' },
    h('h1', { id: 'add-title', text: `Reset ${partner.name}'s passphrase` }),
    h('p', { text: `Use ${partner.name}'s recovery code: the newest one Hearth showed. Nothing in ${partner.name}'s private space is lost, and ${partner.name} is told of the reset at their next unlock.` }),
    resetFields(),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', text: 'Back',
        onclick: () => section.replaceChildren(unlockForm(app, partner, section)) }),
      h('button', { type: 'submit', class: 'primary', id: 'reset-submit', text: 'Set new passphrase' })),
  );
  onSubmit(form, error, 'Setting the new passphrase…', async () => {
    app.setStatus(await resetWithCode(partner.id), 'home');
  });
  return form;
}
