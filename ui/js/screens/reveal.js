// Answer, then reveal: one partner answers while the other looks away, the answer is hidden, the
// other answers, and then both appear side by side and are saved with the prompt and the date.

import { api } from '../api.js';
import { h, errorSlot, onSubmit, value } from '../dom.js';
import { nameOf, otherPartner } from '../people.js';
import { describe } from '../prompt-meta.js';
import { dayText } from '../time.js';

export function renderReveal(app) {
  const prompt = app.params?.prompt;
  const section = h('section', { class: 'reveal', 'aria-labelledby': 'reveal-title' });
  if (!prompt || app.status.partners.length < 2) {
    section.append(h('h1', { id: 'reveal-title', text: 'Answer, then reveal' }),
      h('p', { text: 'Choose a prompt first, from Prompts or from today\'s prompt on Home.' }));
    return section;
  }
  const header = [
    h('h1', { id: 'reveal-title', text: 'Answer, then reveal' }),
    h('p', { class: 'prompt-text large', id: 'reveal-prompt', text: prompt.text }),
    // A prompt brought back from an earlier year carries only its words.
    prompt.category ? h('p', { class: 'hint', text: describe(prompt) }) : null,
  ].filter(Boolean);
  // Each step shows the prompt above its own part.
  const round = { app, prompt, section, show: (...content) => section.replaceChildren(...header, ...content) };
  chooseFirst(round);
  return section;
}

function chooseFirst(round) {
  const { status } = round.app;
  round.show(h('div', { class: 'card' },
    h('h2', { id: 'reveal-who', text: 'Who answers first?' }),
    h('div', { class: 'actions start' }, status.partners.map((p) => h('button', {
      type: 'button', class: 'partner-choice small', id: `reveal-first-${p.id}`, text: p.name,
      onclick: () => answer(round, p, otherPartner(status, p.id), null),
    })))));
  round.section.querySelector('button').focus();
}

// `writer` answers while `other` looks away; the first answer stays hidden until the second is in.
function answer(round, writer, other, firstAnswer) {
  const error = errorSlot('reveal-error');
  const id = firstAnswer === null ? 'reveal-first' : 'reveal-second';
  const form = h('form', { class: 'card' },
    h('h2', { id: 'reveal-who', text: `${writer.name}, your answer` }),
    h('p', { class: 'look-away', text: `${other.name}, please look away until ${writer.name} is done.` }),
    h('label', { for: id, class: 'visually-hidden', text: `${writer.name}'s answer` }),
    h('textarea', { id, rows: 5, maxlength: 5000, required: true }),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: `${id}-done`,
      text: firstAnswer === null ? 'Hide my answer' : 'Reveal both answers' })));
  onSubmit(form, error, 'Saving…', async () => {
    const text = value(id);
    if (!text.trim()) throw new Error(`${writer.name}, write something first, even a few words.`);
    if (firstAnswer === null) {
      answer(round, other, writer, { partner: writer, text });
    } else {
      const pair = await api.saveAnswers(round.prompt.id, firstAnswer.partner.id, firstAnswer.text, text);
      reveal(round, firstAnswer.partner, writer, pair);
    }
  });
  round.show(form);
  form.querySelector('textarea').focus();
}

// Answering again a prompt from an earlier year: what the two said then, to compare.
function earlierCard(round) {
  const earlier = round.app.params?.earlier;
  if (!earlier) return null;
  const { status } = round.app;
  const firstName = nameOf(status, earlier.firstPartner);
  const secondName = otherPartner(status, earlier.firstPartner)?.name ?? '';
  return h('div', { class: 'card', id: 'reveal-earlier', 'aria-labelledby': 'reveal-earlier-title' },
    h('h2', { id: 'reveal-earlier-title', text: `And on ${dayText(earlier.answeredAt)}` }),
    h('div', { class: 'pair' },
      h('div', {}, h('h3', { text: firstName }), h('p', { class: 'answer-text', id: 'reveal-earlier-first', text: earlier.firstAnswer })),
      h('div', {}, h('h3', { text: secondName }), h('p', { class: 'answer-text', id: 'reveal-earlier-second', text: earlier.secondAnswer }))));
}

function reveal(round, first, second, pair) {
  const column = (name, text, id) => h('div', { class: 'card answer' },
    h('h2', { text: name }), h('p', { class: 'answer-text', id, text }));
  round.show(
    h('div', { class: 'pair', id: 'reveal-answers' },
      column(first.name, pair.firstAnswer, 'reveal-answer-first'),
      column(second.name, pair.secondAnswer, 'reveal-answer-second')),
    earlierCard(round),
    h('p', { class: 'hint', role: 'status', id: 'reveal-saved', text: 'Saved to your shared space, with today\'s date.' }),
    h('div', { class: 'actions start' },
      h('button', { type: 'button', class: 'primary', text: 'Back to prompts', onclick: () => round.app.go('prompts') })));
  const heading = round.section.querySelector('#reveal-answers h2');
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}
