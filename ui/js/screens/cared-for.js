// "How we feel cared for": each partner rates, alone, how cared for each way makes them feel.
// Both profiles show side by side once both have answered, with gesture ideas for caring for the
// other. A retake keeps the earlier answers as history. Our own design and our own words.

import { api } from '../api.js';
import { h, errorSlot, onSubmit, showError } from '../dom.js';
import { nameOf, otherPartner, unlockedPartners } from '../people.js';
import { dayText } from '../time.js';

// Each way, as the profile asks it and as a suggestion names it.
const WAYS = {
  words: ['Kind words, said out loud', 'kind words said out loud'],
  time: ['Unhurried time, just the two of us', 'unhurried time together'],
  help: ['A hand with things, big or small', 'help with small things'],
  touch: ['Affectionate touch: a hug, a hand held', 'affectionate touch'],
  gifts: ['A small, thoughtful present', 'small, thoughtful presents'],
  listening: ['Being really listened to', 'being really listened to'],
  play: ['Laughing and playing together', 'play and laughter'],
};
const SCALE = ['Hardly', 'A little', 'Somewhat', 'A lot', 'Very much'];

export function renderCaredFor(app) {
  const error = errorSlot('cared-error');
  const body = h('div', { id: 'cared-body' }, h('p', { class: 'hint', text: 'Loading…' }));
  const section = h('section', { class: 'cared-for', 'aria-labelledby': 'cared-title' },
    h('h1', { id: 'cared-title', text: 'How we feel cared for' }),
    h('p', { class: 'lede', text: 'People feel loved in different ways. Rate, each on your own, how cared for each of these makes you feel. Then you will see both side by side, with ideas for each other.' }),
    error, body);
  const draw = (state, retaking = false) => {
    body.replaceChildren(...content(app, state, retaking, draw, error));
    body.querySelector('[data-autofocus]')?.focus();
  };
  api.careState().then((state) => draw(state)).catch((err) => showError(error, err));
  return section;
}

function content(app, state, retaking, draw, error) {
  const here = unlockedPartners(app.status);
  const alone = here.length === 1 ? here[0] : null;
  if (alone && (retaking || (!state.revealed && !state.own))) return [ratingForm(alone, state, draw, error)];
  const parts = [];
  if (state.revealed) {
    parts.push(sideBySide(app, state.revealed));
    here.forEach((p) => parts.push(suggestionsFor(app, otherPartner(app.status, p.id))));
  } else {
    parts.push(h('div', { class: 'card', id: 'cared-waiting' }, h('ul', { class: 'questions' }, app.status.partners.map((p) =>
      h('li', { text: (p.id === 'a' ? state.aAnswered : state.bAnswered) ? `${p.name} has answered ✓` : `${p.name} has not answered yet` }))),
    h('p', { class: 'hint', text: alone ? 'Yours is in. You will see both once the other has answered too.' : 'Each of you answers on your own: lock, and unlock only as yourself.' })));
  }
  if (alone) {
    parts.push(h('div', { class: 'actions start' }, h('button', { type: 'button', id: 'cared-retake', 'data-autofocus': '',
      text: 'Answer again', onclick: () => draw(state, true) })));
  }
  if (state.history.length) parts.push(history(app, state.history));
  return parts;
}

// Seven ratings from 1 to 5, each a group of radio buttons (arrow keys move within a group).
function ratingForm(writer, state, draw, error) {
  const form = h('form', { class: 'card', id: 'cared-form', 'aria-label': `${writer.name}'s answers` },
    h('h2', { text: `${writer.name}, how cared for does this make you feel?` }),
    Object.entries(WAYS).map(([way, [label]], index) => h('fieldset', { class: 'rating' },
      h('legend', { text: label }),
      h('div', { class: 'rating-scale' }, SCALE.map((word, i) => h('label', { class: 'rating-choice' },
        h('input', { type: 'radio', name: way, value: String(i + 1), id: `cared-${way}-${i + 1}`, required: true,
          checked: (state.own?.ratings?.[way] ?? 0) === i + 1, 'data-autofocus': index === 0 && i === 0 ? '' : null }),
        ` ${word}`))))),
    h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: 'cared-save', text: 'Keep my answers' })));
  onSubmit(form, error, 'Saving…', async () => {
    const ratings = Object.fromEntries(Object.keys(WAYS).map((way) =>
      [way, Number(form.querySelector(`input[name="${way}"]:checked`)?.value ?? 0)]));
    draw(await api.answerCare(writer.id, ratings));
  });
  return form;
}

function sideBySide(app, [a, b]) {
  const [nameA, nameB] = [nameOf(app.status, 'a'), nameOf(app.status, 'b')];
  return h('div', { class: 'card', id: 'cared-revealed' },
    h('h2', { text: 'Side by side' }),
    h('table', { class: 'side-by-side words' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Feeling cared for by' }), h('th', { scope: 'col', text: nameA }), h('th', { scope: 'col', text: nameB }))),
      h('tbody', {}, Object.entries(WAYS).map(([way, [label]]) => h('tr', {},
        h('th', { scope: 'row', text: label }),
        h('td', { class: 'rating-a', id: `cared-a-${way}`, text: SCALE[a.ratings[way] - 1] }),
        h('td', { class: 'rating-b', id: `cared-b-${way}`, text: SCALE[b.ratings[way] - 1] }))))));
}

// "Alex feels cared for by help with small things: try…"
function suggestionsFor(app, whom) {
  const card = h('div', { class: 'card', id: `cared-ideas-${whom.id}` }, h('h2', { text: `Caring for ${whom.name}` }));
  api.careSuggestions(whom.id).then((suggestions) => {
    card.append(...suggestions.map((s) => h('div', { class: 'suggestion' },
      h('p', { class: 'prompt-text', text: `${whom.name} feels cared for by ${WAYS[s.way][1]}: try…` }),
      h('ul', { class: 'questions' }, s.gestures.map((g) => h('li', { text: g.text }))))));
  }).catch(() => {});
  return card;
}

function history(app, earlier) {
  const line = (p) => Object.keys(WAYS).map((way) => `${WAYS[way][1]} ${p.ratings[way]}`).join(' · ');
  return h('details', { class: 'card', id: 'cared-history' },
    h('summary', { text: 'Earlier answers' }),
    h('ul', { class: 'questions' }, earlier.map((p) => h('li', {},
      h('strong', { text: `${nameOf(app.status, p.partner)}, ${dayText(p.answeredAt)}: ` }),
      h('span', { class: 'hint', text: line(p) })))));
}
