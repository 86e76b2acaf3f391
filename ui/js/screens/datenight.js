// Date night: deal three new prompts at a level, light to deep, swap any card, then sit together.
// Below the deal: the games (love maps, quick choices, "Still true?") and the date ideas.

import { api } from '../api.js';
import { h, busy, errorSlot, labelled, showError } from '../dom.js';
import { LEVELS, visibleCategories, options, promptCard } from '../prompt-meta.js';

const TIMERS = [['0', 'No timer'], ['3', '3 minutes a card'], ['5', '5 minutes a card'], ['10', '10 minutes a card']];

export function renderDateNight(app) {
  const error = errorSlot('deal-error');
  const theme = h('select', { id: 'deal-theme' });
  const level = h('select', { id: 'deal-level' }, options(Object.entries(LEVELS), 'closer'));
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
      const next = await api.swapCard(themeValue(), level.value, cards.map((c) => c.id), index);
      if (next) cards[index] = next;
      else showError(error, new Error('No other card fits there. This one stays.'));
      show();
      document.getElementById(`swap-${index}`)?.focus();
    } catch (err) {
      showError(error, err);
    }
  }

  const form = dealForm({ theme, level, timer }, error, (dealt) => {
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
    form, error, hand, h('div', { class: 'actions start' }, start),
    games(app), dateIdeasCard(app));
}

// Love maps, quick choices, and "Still true?" when old love maps are due for another look.
function games(app) {
  const error = errorSlot('games-error');
  const stillTrue = h('button', { type: 'button', id: 'start-still-true', text: 'Still true?', hidden: true });
  const play = (view, deal) => async () => {
    showError(error, null);
    try {
      const cards = await deal();
      if (cards.length) app.go(view, { cards });
      else showError(error, new Error('You have played every card of this kind for now. They come back after the time you chose in History.'));
    } catch (err) {
      showError(error, err);
    }
  };
  api.stillTrueRound().then((maps) => {
    if (!maps.length) return;
    stillTrue.hidden = false;
    stillTrue.addEventListener('click', () => app.go('still-true', { maps }));
  }).catch((err) => showError(error, err));
  return h('section', { class: 'card games', 'aria-labelledby': 'games-title' },
    h('h2', { id: 'games-title', text: 'Games for two' }),
    h('p', { text: 'Love maps: one of you answers, the other guesses, then you compare. Quick choices: pick at the same time and see if you match.' }),
    h('div', { class: 'actions start' },
      h('button', { type: 'button', class: 'primary', id: 'start-love-maps', text: 'Play love maps', onclick: play('love-maps', api.dealLoveMaps) }),
      h('button', { type: 'button', id: 'start-quick-choices', text: 'Play quick choices', onclick: play('quick-choices', api.dealQuickChoices) }),
      stillTrue),
    error);
}

function dateIdeasCard(app) {
  return h('section', { class: 'card', 'aria-labelledby': 'ideas-title' },
    h('h2', { id: 'ideas-title', text: 'Date ideas' }),
    h('p', { text: 'More than a hundred and fifty ideas, at home, out, or far apart. Plan one and Hearth reminds you both.' }),
    h('div', { class: 'actions start' },
      h('button', { type: 'button', id: 'open-date-ideas', text: 'Find a date idea', onclick: () => app.go('date-ideas') })));
}

// The theme, the level, the timer and "Deal three cards"; `dealt` gets the three.
function dealForm({ theme, level, timer }, error, dealt) {
  const form = h('form', { class: 'card deal-form' },
    h('div', { class: 'row' },
      labelled('deal-theme', 'Theme', theme),
      labelled('deal-level', 'Level', level),
      labelled('deal-timer', 'Gentle timer', timer)),
    h('div', { class: 'actions start' },
      h('button', { type: 'submit', class: 'primary', id: 'deal-button', text: 'Deal three cards' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(error, null);
    try {
      dealt(await busy(form, 'Dealing…', () => api.dealDateNight(theme.value || null, level.value)));
    } catch (err) {
      showError(error, err);
    }
  });
  return form;
}
