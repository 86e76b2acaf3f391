// The sensual and sexual category in Settings: each partner chooses alone whether to see it, and
// how far it may go; it appears only when both have chosen it. Nothing here ever shows one partner
// the other's choice or level.

import { api } from '../api.js';
import { h, errorSlot, labelled, showError, statusLine } from '../dom.js';
import { nameOf, unlockedPartners } from '../people.js';
import { SPICES, options } from '../prompt-meta.js';

// How far one partner would like these prompts to go. Only the lower of the two levels is ever
// used, and neither partner's own level is shown to the other.
function spicePicker(consent, show, error) {
  const select = h('select', { id: 'spice-own' }, options(Object.entries(SPICES), consent.ownSpice ?? 'mild'));
  select.addEventListener('change', async () => {
    showError(error, null);
    try {
      show(await api.setSpice(consent.alone, select.value));
      document.getElementById('spice-own')?.focus();
    } catch (err) {
      showError(error, err);
    }
  });
  return labelled('spice-own', 'How far you would like to go', select,
    h('p', { class: 'hint', text: 'Mild is romantic, warm is sensual, hot is openly sexual. Hearth shows prompts only up to the lower of your two levels, and never tells either of you the other\'s.' }));
}

// The sensual and sexual category: each partner chooses alone, and it appears only when both have.
// Nothing here ever shows one partner the other's choice.
export function consentCard(app) {
  const error = errorSlot('consent-error');
  const note = statusLine('consent-status', 'hint');
  const body = h('div');
  const card = h('div', { class: 'card', 'aria-labelledby': 'consent-title' },
    h('h2', { id: 'consent-title', text: 'Sensual and sexual prompts' }), body, note, error);

  function show(consent) {
    if (consent.alone) {
      const box = h('input', { type: 'checkbox', id: 'consent-own', checked: consent.ownChoice });
      box.addEventListener('change', async () => {
        showError(error, null);
        try {
          show(await api.setConsent(consent.alone, box.checked));
          document.getElementById('consent-own')?.focus();
        } catch (err) {
          showError(error, err);
        }
      });
      body.replaceChildren(
        h('p', { text: `${nameOf(app.status, consent.alone)}, this is your own choice. The category appears only if you both choose it, and either of you can turn it off at any time. If you both choose it, each of you will see that the other did too: that is what makes it mutual. Until then, your partner is not told what you picked.` }),
        h('label', { class: 'check' }, box, ' I would like these prompts'),
        consent.ownChoice ? spicePicker(consent, show, error) : null);
    } else if (consent.bothOptedIn) {
      const [first] = unlockedPartners(app.status);
      body.replaceChildren(
        h('p', { text: 'These prompts are on because you both chose them. Either of you can turn them off now.' }),
        h('button', { type: 'button', id: 'consent-off', text: 'Turn them off',
          onclick: async () => {
            try { show(await api.setConsent(first.id, false)); } catch (err) { showError(error, err); }
          } }));
    } else {
      body.replaceChildren(h('p', { text: 'Each of you chooses this privately, while unlocked on your own.' }));
    }
    note.textContent = consent.bothOptedIn ? 'On for both of you.' : '';
  }

  api.consentStatus().then(show).catch((err) => showError(error, err));
  return card;
}
