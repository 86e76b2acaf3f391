// "On this day": what happened on this day in earlier years, and answers both gave then, to give
// again and compare. Home and Our story show it; the core decides what belongs (leap days, zones).

import { h } from './dom.js';

const ago = (years) => (years === 1 ? 'A year ago' : `${years} years ago`);

// The card, or null when this day has no memories.
export function onThisDayCard(app, today) {
  if (!today.items.length && !today.answers.length) return null;
  return h('div', { class: 'card on-this-day', id: 'on-this-day', 'aria-labelledby': 'on-this-day-title' },
    h('h2', { id: 'on-this-day-title', text: 'On this day' }),
    today.items.length ? h('ul', { class: 'questions' }, today.items.map((memory) => h('li', { class: 'memory' },
      h('strong', { text: `${ago(memory.yearsAgo)}: ` }), h('span', { text: memory.title }),
      memory.note ? h('span', { class: 'hint', text: ` · ${memory.note}` }) : null))) : null,
    today.answers.map((answer, index) => h('div', { class: 'past-answer', id: `past-answer-${index}` },
      h('p', { class: 'hint', text: `${ago(answer.yearsAgo)} you both answered this:` }),
      h('p', { class: 'prompt-text', text: answer.promptText }),
      h('div', { class: 'actions start' }, h('button', { type: 'button', id: `past-answer-again-${index}`, text: 'Answer again and compare',
        onclick: () => app.go('reveal', { prompt: { id: answer.promptId, text: answer.promptText }, earlier: answer }) })))));
}
