// Date night: deal three new prompts, light to deep, swap any card, then sit together.

import { api } from '../api.js';
import { h, busy, errorSlot, labelled, showError } from '../dom.js';
import { visibleCategories, options, promptCard } from '../prompt-meta.js';

const TIMERS = [['0', 'No timer'], ['3', '3 minutes a card'], ['5', '5 minutes a card'], ['10', '10 minutes a card']];

export function renderDateNight(app) {
  const error = errorSlot('deal-error');
  const theme = h('select', { id: 'deal-theme' });
  const timer = h('select', { id: 'deal-timer' }, options(TIMERS, '0'));
  const hand = h('div', { class: 'prompt-list', id: 'deal-cards', 'aria-live': 'polite' });
  const start = h('button', { type: 'button', class: 'primary', id: 'start-together', text: 'Start together mode', disabled: true });
  let cards = [];

  const themeValue = () => theme.value || null;

  function show() {
    hand.replaceChildren(...cards.map((prompt, index) => promptCard(prompt,
      h('button', { type: 'button', class: 'quiet', id: `swap-${index}`, text: 'Swap this card',
        'aria-label': `Swap card ${index + 1}`, onclick: () => swap(index) }))));
    if (!cards.length) {
      hand.append(h('p', { class: 'card', text: 'You have talked through every prompt in this theme. Pick another theme, or let discussed prompts come back in History.' }));
    }
    start.disabled = cards.length === 0;
  }

  async function swap(index) {
    showError(error, null);
    try {
      const next = await api.swapCard(themeValue(), null, cards.map((c) => c.id), index);
      if (next) cards[index] = next;
      else showError(error, new Error('No other card fits there. This one stays.'));
      show();
      document.getElementById(`swap-${index}`)?.focus();
    } catch (err) {
      showError(error, err);
    }
  }

  const form = dealForm(theme, timer, error, (dealt) => {
    cards = dealt;
    show();
  });
  start.addEventListener('click', () => app.go('together', { cards, minutes: Number(timer.value) }));

  api.consentStatus()
    .then((consent) => theme.replaceChildren(...options(visibleCategories(consent.bothOptedIn), '', 'Mixed')))
    .catch((err) => showError(error, err));
  // Asked for from the welcome on the first run: the cards are dealt at once.
  if (app.params?.dealNow) queueMicrotask(() => form.requestSubmit());

  return h('section', { 'aria-labelledby': 'date-title' },
    h('h1', { id: 'date-title', text: 'Date night' }),
    h('p', { class: 'lede', text: 'Three questions you have not asked each other yet, from light to deeper. Swap any card that does not fit tonight.' }),
    form, error, hand, h('div', { class: 'actions start' }, start));
}

// The theme, the timer and "Deal three cards"; `dealt` gets the three.
function dealForm(theme, timer, error, dealt) {
  const form = h('form', { class: 'card deal-form' },
    h('div', { class: 'row' },
      labelled('deal-theme', 'Theme', theme),
      labelled('deal-timer', 'Gentle timer', timer)),
    h('div', { class: 'actions start' },
      h('button', { type: 'submit', class: 'primary', id: 'deal-button', text: 'Deal three cards' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(error, null);
    try {
      dealt(await busy(form, 'Dealing…', () => api.dealDateNight(theme.value || null, null)));
    } catch (err) {
      showError(error, err);
    }
  });
  return form;
}
