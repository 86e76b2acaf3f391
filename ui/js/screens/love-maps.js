// Love maps, in the together mode: for each question one partner answers for themselves while the
// other looks away, the other guesses, both are revealed side by side, and they say whether the
// guess was close. Each round is saved to the shared history. No score: the summary says only
// what you learned about each other.
//
// The round's state is `round`: { app, cards, names, index, step, answer, guess, learned }.
// Steps: 'answer' → 'guess' → 'reveal' → 'saved', then the next card; Space or → moves on from a
// saved card.

import { api } from '../api.js';
import { h, errorSlot, showError } from '../dom.js';
import { isTyping, namesOf, show, togetherFrame } from './stage.js';

export function renderLoveMaps(app) {
  const cards = app.params?.cards ?? [];
  const frame = togetherFrame(app, 'Love maps', (event) => {
    if (!isTyping(event) && round.step === 'saved' && (event.key === ' ' || event.key === 'ArrowRight')) {
      event.preventDefault();
      next(round);
    }
  });
  const round = { app, frame, cards, names: namesOf(app), index: 0, step: 'answer', answer: '', guess: '', learned: [] };
  draw(round);
  return frame.root;
}

// Partner A answers the first question, B the second, and so on.
function people(round) {
  const answerer = round.index % 2 === 0 ? 'a' : 'b';
  const [a, b] = round.names;
  return answerer === 'a' ? { answerer, says: a, guesses: b } : { answerer, says: b, guesses: a };
}

function draw(round) {
  const { cards, index, frame } = round;
  if (index >= cards.length) {
    show(frame.stage, summary(round));
    return;
  }
  const card = cards[index];
  const { says, guesses } = people(round);
  const eyebrow = h('p', { class: 'together-eyebrow', id: 'lm-turn', text: `Love maps · question ${index + 1} of ${cards.length}` });
  // Smaller once the answers are out, so both fit on the screen beneath it.
  const size = round.step === 'reveal' || round.step === 'saved' ? ' compact' : '';
  const question = h('h1', { class: `together-card${size}`, id: 'together-text', tabindex: '-1', text: card.text });
  if (round.step === 'answer') {
    show(frame.stage, eyebrow, question,
      h('p', { class: 'together-hint', id: 'lm-who', text: `${says}, answer for yourself. ${guesses}, look away for a moment.` }),
      entry(round, 'lm-answer', `${says}'s answer`, 'Hide my answer', (text) => { round.answer = text; round.step = 'guess'; }));
  } else if (round.step === 'guess') {
    show(frame.stage, eyebrow, question,
      h('p', { class: 'together-hint', id: 'lm-who', text: `${guesses}, what do you think ${says} wrote?` }),
      entry(round, 'lm-guess', `${guesses}'s guess`, 'Reveal both', (text) => { round.guess = text; round.step = 'reveal'; }));
  } else {
    show(frame.stage, eyebrow, question, reveal(round));
  }
}

// One line of text and the button that moves on; the text goes into `done`.
function entry(round, id, label, button, done) {
  const input = h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', required: true, maxlength: 500, 'data-autofocus': '' });
  const error = errorSlot(`${id}-error`);
  const form = h('form', { class: 'together-entry' },
    h('label', { for: id, text: label }), input, error,
    h('div', { class: 'together-controls' },
      h('button', { type: 'submit', class: 'primary', id: `${id}-done`, text: button }),
      h('button', { type: 'button', class: 'quiet', id: 'together-leave', text: 'Leave (Esc)', onclick: round.frame.leave })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      showError(error, new Error('Write a few words first.'));
      return;
    }
    done(text);
    draw(round);
  });
  return form;
}

// Both side by side, then "close" or "something new", which saves the round.
function reveal(round) {
  const { says, guesses, answerer } = people(round);
  const card = round.cards[round.index];
  const error = errorSlot('lm-error');
  const saved = h('p', { class: 'together-hint', id: 'lm-saved', role: 'status' });
  const verdict = h('div', { class: 'together-controls', id: 'lm-verdict' },
    h('button', { type: 'button', class: 'primary', id: 'lm-close', text: 'Close', 'data-autofocus': '', onclick: () => save(true) }),
    h('button', { type: 'button', id: 'lm-new', text: 'Something new to learn', onclick: () => save(false) }));
  async function save(close) {
    showError(error, null);
    try {
      await api.saveLoveMap({ promptId: card.id, answerer, answer: round.answer, guess: round.guess, close });
      round.learned.push({ name: says, question: card.text, answer: round.answer });
      round.step = 'saved';
      saved.textContent = close ? 'Close! Saved to your shared history.' : 'Now you know. Saved to your shared history.';
      verdict.replaceChildren(
        h('button', { type: 'button', class: 'primary', id: 'lm-next', text: 'Next question →', onclick: () => next(round) }),
        h('button', { type: 'button', class: 'quiet', id: 'together-leave', text: 'Leave (Esc)', onclick: round.frame.leave }));
      verdict.querySelector('#lm-next').focus();
    } catch (err) {
      showError(error, err);
    }
  }
  return h('div', { class: 'reveal-round', id: 'lm-reveal' },
    h('div', { class: 'reveal-pair' },
      h('div', { class: 'revealed' },
        h('p', { class: 'revealed-who', text: `${says} said` }),
        h('p', { class: 'revealed-text', id: 'lm-answer-text', text: round.answer })),
      h('div', { class: 'revealed' },
        h('p', { class: 'revealed-who', text: `${guesses} guessed` }),
        h('p', { class: 'revealed-text', id: 'lm-guess-text', text: round.guess }))),
    h('p', { class: 'revealed-ask', text: 'Was the guess close?' }),
    verdict, saved, error);
}

function next(round) {
  Object.assign(round, { index: round.index + 1, step: 'answer', answer: '', guess: '' });
  draw(round);
}

function summary(round) {
  return h('div', { class: 'together-summary' },
    h('h2', { id: 'lm-done', tabindex: '-1', text: round.learned.length ? 'What you learned about each other' : 'Nothing saved this time, and that is fine' }),
    h('ul', { id: 'lm-learned' }, round.learned.map((l) => h('li', {},
      h('span', { class: 'learned-who', text: `${l.name}: ` }), l.answer,
      h('span', { class: 'learned-question', text: ` (${l.question})` })))),
    h('p', { class: 'together-hint', text: 'In a few months Hearth will ask whether these are still true.' }),
    h('div', { class: 'together-controls' },
      h('button', { type: 'button', class: 'primary', id: 'together-close', text: 'Done', onclick: round.frame.leave })));
}
