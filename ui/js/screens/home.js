// Home answers "what now?": today's prompt and the next steps, greeting whoever is here.

import { api } from '../api.js';
import { h, errorSlot, showError } from '../dom.js';
import { unlockedNames } from '../people.js';
import { describe } from '../prompt-meta.js';

function greeting(hour) {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function renderHome(app) {
  const names = unlockedNames(app.status);
  const error = errorSlot('home-error');
  const today = h('div', { class: 'card today', id: 'today-prompt', 'aria-labelledby': 'today-title' },
    h('h2', { id: 'today-title', text: 'Today\'s prompt' }),
    h('p', { class: 'hint', text: 'Loading…' }));

  api.promptOfTheDay().then((prompt) => {
    if (!prompt) {
      today.replaceChildren(today.firstChild, h('p', { text: 'You have talked through every prompt. Let some come back in History.' }));
      return;
    }
    today.replaceChildren(today.firstChild,
      h('p', { class: 'prompt-text large', id: 'today-text', text: prompt.text }),
      h('p', { class: 'hint', text: describe(prompt) }),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', class: 'primary', id: 'today-reveal', text: 'Answer, then reveal',
          onclick: () => app.go('reveal', { prompt }) }),
        h('button', { type: 'button', id: 'today-together', text: 'Talk about it together',
          onclick: () => app.go('together', { cards: [prompt], minutes: 0 }) })));
  }).catch((err) => showError(error, err));

  return h('section', { class: 'home', 'aria-labelledby': 'home-greeting' },
    h('h1', { id: 'home-greeting', text: `${greeting(new Date().getHours())}, ${names.join(' and ')}` }),
    error,
    today,
    h('div', { class: 'card' },
      h('h2', { text: 'Quick start' }),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', id: 'quick-date', text: 'Plan a date night', onclick: () => app.go('date-night') }),
        h('button', { type: 'button', id: 'quick-prompts', text: 'Browse prompts', onclick: () => app.go('prompts') })),
      h('p', { class: 'hint', text: names.length === 2
        ? 'You are both here: your shared space and both private spaces are open.'
        : `Your shared space and ${names[0]}'s private space are open. Press Ctrl+L to lock at any time.` })),
  );
}
