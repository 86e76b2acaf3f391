// A partner's private space while the two sit together: closed until its owner opens it with their
// own passphrase, for this visit to the journal. The spaces opened on a visit close again when the
// journal is left, and the next list waits for that closing.

import { api } from '../../api.js';
import { h, errorSlot, field, lockMark, showError } from '../../dom.js';
import { nameOf } from '../../people.js';

let closing = Promise.resolve();

// Resolves once the spaces opened on the last visit are closed.
export const closed = () => closing;

export function privateSpaces(app) {
  const opened = new Set();
  app.onLeave(() => {
    if (!opened.size) return;
    for (const partner of app.status.partners) if (opened.has(partner.id)) partner.privateOpen = false;
    closing = Promise.allSettled([...opened].map((owner) => api.closePrivate(owner)));
  });
  return {
    isOpen: (owner) => app.status.partners.some((p) => p.id === owner && p.privateOpen),
    // The card that asks for the owner's passphrase; `onOpened` runs once it took.
    openCard: (owner, onOpened) => openCard(app, owner, async () => {
      opened.add(owner);
      await onOpened();
    }),
  };
}

function openCard(app, owner, onOpened) {
  const name = nameOf(app.status, owner);
  const slot = errorSlot(`open-private-error-${owner}`);
  const form = h('form', { class: 'card narrow', id: `open-private-${owner}` },
    h('h2', {}, lockMark(), `${name}'s private space is closed`),
    h('p', { text: `While you sit together, nothing in it shows. ${name} can open it with their own passphrase. It closes again when you leave the Journal, or after five minutes without use.` }),
    field({ id: `open-pass-${owner}`, label: `${name}'s passphrase`, type: 'password', autocomplete: 'current-password' }),
    slot,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: `open-private-submit-${owner}`, text: `Open ${name}'s space` })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(slot, null);
    try {
      app.status = await api.openPrivate(owner, form.querySelector('input').value);
      await onOpened();
    } catch (err) {
      showError(slot, err);
    }
  });
  return form;
}
