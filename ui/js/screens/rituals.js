// Rituals: the small practices that keep a couple close, week after week. Each has its own
// screen; this one says what each is for and where the appreciation exchange stands. Nothing
// here counts what was not done.

import { api } from '../api.js';
import { h } from '../dom.js';

export function renderRituals(app) {
  const exchangeLine = h('p', { class: 'hint', id: 'rituals-exchange-state' });
  api.exchangeState().then((state) => {
    if (state.ready) exchangeLine.textContent = 'You have both written: it is waiting to be revealed together.';
  }).catch(() => {});
  const ritual = (id, title, text, button, view, extra = null) => h('div', { class: 'card', id: `ritual-${id}` },
    h('h2', { text: title }), h('p', { text }), extra,
    h('div', { class: 'actions start' }, h('button', { type: 'button', id: `rituals-${id}`, text: button, onclick: () => app.go(view) })));
  return h('section', { class: 'rituals', 'aria-labelledby': 'rituals-title' },
    h('h1', { id: 'rituals-title', text: 'Rituals' }),
    h('p', { class: 'lede', text: 'Small, regular things do more for a couple than rare big ones.' }),
    ritual('stress-talk', 'How was your day?', 'A short talk at the end of the day about what weighs on each of you from outside: each has a turn, the other takes their side.', 'Start a stress talk', 'stress-talk'),
    ritual('appreciation', 'Appreciation', 'Each of you writes one specific thing the other did and what it meant; you reveal them together. Your "What I love about you" lists grow from them.', 'Open appreciation', 'appreciation', exchangeLine),
    ritual('cared-for', 'How we feel cared for', 'Rate what makes each of you feel cared for, see both side by side, and get ideas for each other.', 'Open the profile', 'cared-for'),
    ritual('gestures', 'Gesture ideas', 'Small acts of appreciation and gentle touch, to plan for a day this week.', 'Browse gestures', 'gestures'));
}
