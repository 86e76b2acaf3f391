// The frame every together-mode round shares: the window goes full screen, one large stage in the
// middle, Esc leaves (for Date night, or where the round came from), and the round's own keys stop
// when the screen goes.

import { setFullscreen } from '../api.js';
import { h } from '../dom.js';

// Whether a key press is typing into a field, where Space and arrows belong to the text.
export function isTyping(event) {
  return event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
}

// `onKey(event)` gets every key but Esc while the frame is on screen. `beforeLeave` runs first
// when the round is left (a clock to stop, say); `backTo` is the screen leaving goes to.
export function togetherFrame(app, label, onKey, beforeLeave = () => {}, backTo = 'date-night') {
  const stage = h('div', { class: 'together-stage', 'aria-live': 'polite' });
  const root = h('div', { class: 'together', id: 'together', role: 'dialog', 'aria-modal': 'true', 'aria-label': label }, stage);
  const leave = () => {
    beforeLeave();
    setFullscreen(false);
    app.go(backTo);
  };
  document.addEventListener('keydown', (event) => {
    if (!document.body.contains(root)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      leave();
    } else {
      onKey(event);
    }
  }, { signal: app.signal });
  setFullscreen(true);
  return { root, stage, leave };
}

// Puts `parts` on the stage (leaving out nulls) and focuses its first heading, so a screen reader
// reads the new moment and the keys keep working.
export function show(stage, ...parts) {
  stage.replaceChildren(...parts.flat().filter(Boolean));
  (stage.querySelector('[data-autofocus]') ?? stage.querySelector('h1, h2'))?.focus();
}

// The first names the rounds address, partner A's then partner B's.
export function namesOf(app) {
  const names = app.status.partners.map((p) => p.name);
  return names.length === 2 ? names : ['You', 'Your partner'];
}
