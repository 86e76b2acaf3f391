// Together mode: full screen, one large card at a time, for two people side by side. Space or →
// moves on, ← goes back, Esc leaves. A card counts as discussed when you move on from it, not when
// you skip it.
//
// The evening's state is `night`: { app, cards, minutes, names, index, discussed, stage } with
// show(), next(), skip(), back() and leave(); the functions below draw it.

import { api } from '../api.js';
import { h, every, field, errorSlot, onSubmit, value } from '../dom.js';
import { describe } from '../prompt-meta.js';
import { isTyping, togetherFrame } from './stage.js';

export function renderTogether(app) {
  const { cards = [], minutes = 0 } = app.params ?? {};
  let stopClock = () => {};
  const frame = togetherFrame(app, 'Together mode', (event) => onKey(night, event), () => stopClock());
  const { stage, root } = frame;
  const night = {
    app, cards, minutes, stage,
    names: app.status.partners.map((p) => p.name),
    index: -1, // -1: the "phones away" moment
    discussed: new Set(),
    show() {
      stopClock();
      stopClock = render(night);
    },
    next() {
      const card = cards[night.index];
      if (card && !night.discussed.has(card.id)) {
        night.discussed.add(card.id);
        api.markDiscussed(card.id).catch(() => night.discussed.delete(card.id));
      }
      night.skip();
    },
    skip() {
      night.index = Math.min(night.index + 1, cards.length);
      night.show();
    },
    back() {
      if (night.index <= 0) return;
      night.index -= 1;
      night.show();
    },
    leave: frame.leave,
  };
  night.show();
  return root;
}

// Draws the moment the night is at; returns what stops its clock.
function render(night) {
  const { stage, cards, index } = night;
  let stopClock = () => {};
  if (index < 0) {
    stage.replaceChildren(
      h('p', { class: 'together-eyebrow', text: 'Before you start' }),
      h('h1', { class: 'together-card', id: 'together-text', tabindex: '-1', text: 'Phones away?' }),
      h('p', { class: 'together-hint', text: 'Put them in another room, or face down out of reach. This time is for the two of you.' }),
      controls(night, 'We are ready', false));
  } else if (index < cards.length) {
    stopClock = showCard(night, cards[index]);
  } else {
    stage.replaceChildren(summary(night));
  }
  stage.querySelector('h1, h2')?.focus();
  return stopClock;
}

function showCard(night, card) {
  const { stage, cards, index, names, minutes } = night;
  const asker = names.length ? names[index % names.length] : 'You';
  const clock = h('p', { class: 'together-timer', id: 'together-timer', role: 'timer', 'aria-live': 'off' });
  // Native replaceChildren would print a null as text, so optional parts are filtered out.
  stage.replaceChildren(...[
    h('p', { class: 'together-eyebrow', id: 'together-turn', text: `${asker} asks · card ${index + 1} of ${cards.length}` }),
    h('h1', { class: 'together-card', id: 'together-text', tabindex: '-1', text: card.text }),
    h('p', { class: 'together-hint', text: describe(card) }),
    minutes ? clock : null,
    controls(night, index + 1 < cards.length ? 'Next card' : 'Finish', true),
  ].filter(Boolean));
  return minutes ? countDown(clock, minutes * 60, night.app.signal) : () => {};
}

// A gentle per-card clock: when it runs out it says so and stops, and nothing moves on by itself.
function countDown(clock, seconds, signal) {
  let left = seconds;
  const paint = () => {
    const m = Math.floor(left / 60);
    const s = String(left % 60).padStart(2, '0');
    clock.textContent = left > 0 ? `${m}:${s} left on this card` : 'Take your time. Move on when you are ready.';
  };
  paint();
  const stop = every(1000, () => {
    left = Math.max(0, left - 1);
    paint();
    if (left === 0) stop();
  }, signal);
  return stop;
}

function controls(night, nextLabel, withBack) {
  return h('div', { class: 'together-controls' },
    withBack ? h('button', { type: 'button', id: 'together-back', text: '← Back', onclick: night.back, disabled: night.index <= 0 }) : null,
    withBack ? h('button', { type: 'button', id: 'together-skip', class: 'quiet', text: 'Skip this one', onclick: night.skip }) : null,
    h('button', { type: 'button', class: 'primary', id: 'together-next', text: `${nextLabel} →`, onclick: night.next }),
    h('button', { type: 'button', class: 'quiet', id: 'together-leave', text: 'Leave (Esc)', onclick: night.leave }));
}

function summary(night) {
  const talked = night.cards.filter((c) => night.discussed.has(c.id));
  const error = errorSlot('together-error');
  const saved = h('p', { class: 'together-hint', id: 'together-saved', role: 'status' });
  const form = h('form', { class: 'together-summary' },
    h('h2', { id: 'together-done', tabindex: '-1', text: talked.length ? 'What you talked about tonight' : 'Nothing discussed this time, and that is fine' }),
    h('ul', { id: 'together-discussed' }, talked.map((c) => h('li', { text: c.text }))),
    field({ id: 'together-note', label: 'A shared note, if you like', required: false }),
    error, saved,
    h('div', { class: 'together-controls' },
      h('button', { type: 'submit', class: 'primary', id: 'together-save', text: 'Save note' }),
      h('button', { type: 'button', id: 'together-entry', text: 'Write an entry about tonight',
        onclick: () => night.app.go('journal', { newEntry: {
          title: 'Tonight',
          body: talked.map((c) => `${c.text}\n`).join('\n'),
          promptId: talked[0]?.id ?? null,
        } }) }),
      h('button', { type: 'button', id: 'together-close', text: 'Done', onclick: night.leave })));
  onSubmit(form, error, 'Saving…', async () => {
    await api.saveTogetherNote(value('together-note'), talked.map((c) => c.id));
    saved.textContent = 'Saved to your shared space.';
  });
  return form;
}

function onKey(night, event) {
  if (isTyping(event) || night.index >= night.cards.length) {
    // Space and arrows belong to the note field and the summary buttons.
  } else if (event.key === ' ' || event.key === 'ArrowRight') {
    event.preventDefault();
    night.next();
  } else if (event.key === 'ArrowLeft') {
    event.preventDefault();
    night.back();
  }
}
