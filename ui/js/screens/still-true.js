// "Still true?": months after a love-maps round, its answers come back one by one, so the couple's
// maps of each other stay up to date. Each is kept as it is or updated with a new answer.

import { api } from '../api.js';
import { h, errorSlot, showError } from '../dom.js';
import { dayText } from '../time.js';
import { namesOf, show, togetherFrame } from './stage.js';

export function renderStillTrue(app) {
  const maps = app.params?.maps ?? [];
  const frame = togetherFrame(app, 'Still true?', () => {});
  const names = namesOf(app);
  let index = 0;
  const error = errorSlot('st-error');

  function draw() {
    showError(error, null);
    if (index >= maps.length) {
      show(frame.stage,
        h('h2', { id: 'st-done', tabindex: '-1', text: 'Your love maps are up to date' }),
        h('div', { class: 'together-controls' },
          h('button', { type: 'button', class: 'primary', id: 'together-close', text: 'Done', onclick: frame.leave })));
      return;
    }
    const map = maps[index];
    const who = names[map.answerer === 'a' ? 0 : 1];
    show(frame.stage,
      h('p', { class: 'together-eyebrow', text: `Still true? · ${index + 1} of ${maps.length}` }),
      h('h1', { class: 'together-card', id: 'together-text', tabindex: '-1', text: map.promptText }),
      h('div', { class: 'revealed' },
        h('p', { class: 'revealed-who', text: `${who} said on ${dayText(map.revisitedAt ?? map.savedAt)}` }),
        h('p', { class: 'revealed-text', id: 'st-answer', text: map.answer })),
      h('div', { class: 'together-controls', id: 'st-choices' },
        h('button', { type: 'button', class: 'primary', id: 'st-keep', text: 'Still true', 'data-autofocus': '', onclick: () => answer(map, null) }),
        h('button', { type: 'button', id: 'st-changed', text: 'It has changed', onclick: () => changed(map, who) }),
        h('button', { type: 'button', class: 'quiet', id: 'together-leave', text: 'Leave (Esc)', onclick: frame.leave })),
      error);
  }

  function changed(map, who) {
    const input = h('input', { id: 'st-new', type: 'text', autocomplete: 'off', required: true, maxlength: 500 });
    const form = h('form', { class: 'together-entry' },
      h('label', { for: 'st-new', text: `${who}, what is true now?` }), input,
      h('div', { class: 'together-controls' }, h('button', { type: 'submit', class: 'primary', id: 'st-save', text: 'Save the new answer' })));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      answer(map, input.value);
    });
    frame.stage.querySelector('#st-choices').replaceWith(form);
    input.focus();
  }

  async function answer(map, text) {
    try {
      await api.answerStillTrue(map.id, text);
      index += 1;
      draw();
    } catch (err) {
      showError(error, err);
    }
  }

  draw();
  return frame.root;
}
