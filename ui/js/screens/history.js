// History: what you discussed and when, what you learned in love maps, your answers side by side,
// your together notes, and the dates you remember. Also how soon a prompt you have seen may come
// back.

import { api } from '../api.js';
import { h, errorSlot, labelled, showError, statusLine } from '../dom.js';
import { options } from '../prompt-meta.js';
import { dayText } from '../time.js';

const RESURFACE = [['0', 'Never'], ['3', 'After 3 months'], ['6', 'After 6 months'], ['12', 'After a year']];

export function renderHistory() {
  const error = errorSlot('history-error');
  const discussed = h('ol', { class: 'history', id: 'history-discussed' });
  const answers = h('div', { id: 'history-answers' });
  const notes = h('ul', { class: 'history', id: 'history-notes' });
  const learned = h('ul', { class: 'history', id: 'history-love-maps' });
  const dates = h('ul', { class: 'history', id: 'history-dates' });
  const resurface = h('select', { id: 'resurface' }, options(RESURFACE, '0'));
  const saved = statusLine(undefined, 'hint');
  resurface.addEventListener('change', async () => {
    try {
      const months = await api.setResurfaceMonths(Number(resurface.value));
      saved.textContent = months ? `Prompts you have seen can come back after ${months} months.` : 'Prompts you have seen stay retired.';
    } catch (err) {
      showError(error, err);
    }
  });

  Promise.all([api.promptHistory(), api.listAnswers(), api.getSettings(), api.listTogetherNotes()]).then(([talks, pairs, settings, saved]) => {
    notes.replaceChildren(...saved.map((n) => h('li', {}, h('span', { class: 'hint', text: dayText(n.createdAt) }), ' ', h('span', { class: 'answer-text', text: n.note }))));
    resurface.value = String(settings.resurfaceMonths);
    discussed.replaceChildren(...(talks.length
      ? talks.map((t) => h('li', {}, h('span', { class: 'hint', text: dayText(t.discussedAt) }), ' ', h('span', { text: t.text })))
      : [h('li', { text: 'Nothing yet. Prompts you talk through in the together mode appear here.' })]));
    answers.replaceChildren(...pairs.map((pair) => h('article', { class: 'card' },
      h('p', { class: 'hint', text: dayText(pair.answeredAt) }),
      h('p', { class: 'prompt-text', text: pair.promptText }),
      h('div', { class: 'pair' },
        h('p', { class: 'answer-text', text: pair.firstAnswer }),
        h('p', { class: 'answer-text', text: pair.secondAnswer })))));
  }).catch((err) => showError(error, err));
  Promise.all([api.listLoveMaps(), api.listDatePlans(), api.status()]).then(([maps, plans, status]) => {
    const names = Object.fromEntries(status.partners.map((p) => [p.id, p.name]));
    learned.replaceChildren(...(maps.length
      ? maps.map((m) => h('li', {}, h('span', { class: 'hint', text: `${dayText(m.savedAt)} · ${m.promptText}` }), ' ',
        h('span', { class: 'answer-text', text: `${names[m.answerer] ?? ''}: ${m.answer}` })))
      : [h('li', { text: 'Nothing yet. Play love maps from Date night to start.' })]));
    const remembered = plans.filter((p) => p.memory);
    dates.replaceChildren(...(remembered.length
      ? remembered.map((p) => h('li', {}, h('span', { class: 'hint', text: `${dayText(p.startsAt)} · ${p.ideaTitle}` }), ' ',
        h('span', { class: 'answer-text', text: p.memory })))
      : [h('li', { text: 'After a date you planned, a line to remember it by appears here.' })]));
  }).catch((err) => showError(error, err));

  return h('section', { 'aria-labelledby': 'history-title' },
    h('h1', { id: 'history-title', text: 'History' }),
    error,
    h('h2', { text: 'What you talked about' }), discussed,
    h('h2', { text: 'Answers you revealed' }), answers,
    h('h2', { text: 'What you learned about each other' }), learned,
    h('h2', { text: 'Notes from your evenings together' }), notes,
    h('h2', { text: 'Dates you remember' }), dates,
    h('div', { class: 'card' },
      labelled('resurface', 'Let prompts you have seen come back', resurface,
        h('p', { class: 'hint', text: 'A card shown in any way (the prompt of the day, a date night, love maps, quick choices) stays away this long.' })),
      saved));
}
