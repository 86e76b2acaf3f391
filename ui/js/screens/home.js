// Home answers "what now?". For now it greets whoever is here; prompts, reminders and notes join
// it as they are built.

import { h } from '../dom.js';
import { unlockedNames } from '../people.js';

function greeting(hour) {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function renderHome(app) {
  const names = unlockedNames(app.status);
  return h('section', { class: 'home', 'aria-labelledby': 'home-greeting' },
    h('h1', { id: 'home-greeting', text: `${greeting(new Date().getHours())}, ${names.join(' and ')}` }),
    h('div', { class: 'card' },
      h('p', { text: names.length === 2
        ? 'You are both here. Your shared space and both private spaces are open.'
        : `Your shared space and ${names[0]}'s private space are open.` }),
      h('p', { class: 'hint', text: 'Press Ctrl+L to lock at any time. Hearth also locks itself when left idle.' })),
  );
}
