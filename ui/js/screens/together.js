// Together mode: full screen, one large card at a time, for two people side by side. Space or →
// moves on, ← goes back, Esc leaves. A card counts as discussed when you move on from it, not when
// you skip it.

import { api, setFullscreen } from '../api.js';
import { h, field, errorSlot, onSubmit, value } from '../dom.js';
import { describe } from '../prompt-meta.js';

export function renderTogether(app) {
  const { cards = [], minutes = 0 } = app.params ?? {};
  const names = app.status.partners.map((p) => p.name);
  const discussed = new Set();
  let index = -1; // -1: the "phones away" moment
  let timer;
  const stage = h('div', { class: 'together-stage', 'aria-live': 'polite' });
  const root = h('div', { class: 'together', id: 'together', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Together mode' }, stage);

  function leave() {
    clearInterval(timer);
    document.removeEventListener('keydown', onKey);
    setFullscreen(false);
    app.go('date-night');
  }

  function turnName(i) {
    return names.length ? names[i % names.length] : 'You';
  }

  function render() {
    clearInterval(timer);
    if (index < 0) {
      stage.replaceChildren(
        h('p', { class: 'together-eyebrow', text: 'Before you start' }),
        h('h1', { class: 'together-card', id: 'together-text', tabindex: '-1', text: 'Phones away?' }),
        h('p', { class: 'together-hint', text: 'Put them in another room, or face down out of reach. This time is for the two of you.' }),
        controls('We are ready', false));
    } else if (index < cards.length) {
      const card = cards[index];
      const clock = h('p', { class: 'together-timer', id: 'together-timer', role: 'timer', 'aria-live': 'off' });
      // Native replaceChildren would print a null as text, so optional parts are filtered out.
      stage.replaceChildren(...[
        h('p', { class: 'together-eyebrow', id: 'together-turn', text: `${turnName(index)} asks · card ${index + 1} of ${cards.length}` }),
        h('h1', { class: 'together-card', id: 'together-text', tabindex: '-1', text: card.text }),
        h('p', { class: 'together-hint', text: describe(card) }),
        minutes ? clock : null,
        controls(index + 1 < cards.length ? 'Next card' : 'Finish', true),
      ].filter(Boolean));
      if (minutes) startTimer(clock, minutes * 60);
    } else {
      stage.replaceChildren(summary());
    }
    stage.querySelector('h1, h2')?.focus();
  }

  function startTimer(clock, seconds) {
    let left = seconds;
    const paint = () => {
      const m = Math.floor(left / 60);
      const s = String(left % 60).padStart(2, '0');
      clock.textContent = left > 0 ? `${m}:${s} left on this card` : 'Take your time. Move on when you are ready.';
    };
    paint();
    timer = setInterval(() => {
      left = Math.max(0, left - 1);
      paint();
      if (left === 0) clearInterval(timer);
    }, 1000);
  }

  function controls(nextLabel, withBack) {
    return h('div', { class: 'together-controls' },
      withBack ? h('button', { type: 'button', id: 'together-back', text: '← Back', onclick: back, disabled: index <= 0 }) : null,
      withBack ? h('button', { type: 'button', id: 'together-skip', class: 'quiet', text: 'Skip this one', onclick: skip }) : null,
      h('button', { type: 'button', class: 'primary', id: 'together-next', text: `${nextLabel} →`, onclick: next }),
      h('button', { type: 'button', class: 'quiet', id: 'together-leave', text: 'Leave (Esc)', onclick: leave }));
  }

  async function next() {
    if (index >= 0 && index < cards.length && !discussed.has(cards[index].id)) {
      discussed.add(cards[index].id);
      api.markDiscussed(cards[index].id).catch(() => discussed.delete(cards[index].id));
    }
    index = Math.min(index + 1, cards.length);
    render();
  }

  function skip() {
    index = Math.min(index + 1, cards.length);
    render();
  }

  function back() {
    if (index > 0) {
      index -= 1;
      render();
    }
  }

  function summary() {
    const talked = cards.filter((c) => discussed.has(c.id));
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
          onclick: () => app.go('journal', { newEntry: {
            title: 'Tonight',
            body: talked.map((c) => `${c.text}\n`).join('\n'),
            promptId: talked[0]?.id ?? null,
          } }) }),
        h('button', { type: 'button', id: 'together-close', text: 'Done', onclick: leave })));
    onSubmit(form, error, 'Saving…', async () => {
      await api.saveTogetherNote(value('together-note'), talked.map((c) => c.id));
      saved.textContent = 'Saved to your shared space.';
    });
    return form;
  }

  function onKey(event) {
    if (!document.body.contains(root)) {
      document.removeEventListener('keydown', onKey);
      return;
    }
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      leave();
    } else if (typing || index >= cards.length) {
      // Space and arrows belong to the note field and the summary buttons.
    } else if (event.key === ' ' || event.key === 'ArrowRight') {
      event.preventDefault();
      next();
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      back();
    }
  }

  // Stopped by the next render however the screen goes (Leave, a lock, auto-lock), not only by Leave.
  document.addEventListener('keydown', onKey, { signal: app.signal });
  app.onLeave(() => clearInterval(timer));
  setFullscreen(true);
  render();
  return root;
}
