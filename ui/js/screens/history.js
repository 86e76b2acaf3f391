// History: what you discussed and when, your answers side by side, and your together notes. Also
// how soon a discussed prompt may come back.

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
  const resurface = h('select', { id: 'resurface' }, options(RESURFACE, '0'));
  const saved = statusLine(undefined, 'hint');
  resurface.addEventListener('change', async () => {
    try {
      const months = await api.setResurfaceMonths(Number(resurface.value));
      saved.textContent = months ? `Discussed prompts can come back after ${months} months.` : 'Discussed prompts stay retired.';
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

  return h('section', { 'aria-labelledby': 'history-title' },
    h('h1', { id: 'history-title', text: 'History' }),
    error,
    h('h2', { text: 'What you talked about' }), discussed,
    h('h2', { text: 'Answers you revealed' }), answers,
    h('h2', { text: 'Notes from your evenings together' }), notes,
    h('div', { class: 'card' },
      labelled('resurface', 'Let discussed prompts come back', resurface),
      saved));
}
