// Taking turns to speak, for the talks that have one speaker at a time (repair, the stress talk):
// a flow that shows one step at a time under the screen's heading, and a gentle per-turn clock.
//
// A step is a function of `flow`: { app, show(...content), startTimer(ms, work), stopTimer() }.

import { h, every, statusLine } from './dom.js';

// The flow for `section`, whose steps sit under an h1 with `titleId` and `title`.
export function turnFlow(app, section, titleId, title) {
  let stop = () => {};
  const flow = {
    app,
    show(...content) {
      section.replaceChildren(h('h1', { id: titleId, tabindex: '-1', text: title }), ...content.filter(Boolean));
      section.querySelector('[data-autofocus]')?.focus();
    },
    // A talk runs one timer at a time; it also stops when the screen is left (every() sees to it).
    startTimer(ms, work) {
      flow.stopTimer();
      stop = every(ms, work, app.signal);
    },
    stopTimer() {
      stop();
      stop = () => {};
    },
  };
  return flow;
}

// The speaker's clock counts down from the wall clock (so a busy page never makes it drift) and
// can be paused. At zero it only says so, gently, in `endedText`.
export function turnClock(flow, idPrefix, minutes, endedText) {
  let remaining = minutes * 60 * 1000;
  let endsAt = Date.now() + remaining;
  let paused = false;
  let running = true;
  const clock = h('p', { class: 'timer', id: `${idPrefix}-timer`, role: 'timer', 'aria-label': 'Time left' });
  const ended = statusLine(`${idPrefix}-timer-status`);
  const pause = h('button', { type: 'button', id: `${idPrefix}-pause`, text: 'Pause' });
  const render = () => {
    const left = Math.max(0, paused ? remaining : endsAt - Date.now());
    const seconds = Math.ceil(left / 1000);
    clock.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    if (left === 0 && running) {
      running = false;
      flow.stopTimer();
      ended.textContent = endedText;
    }
  };
  pause.addEventListener('click', () => {
    if (paused) {
      endsAt = Date.now() + remaining;
      pause.textContent = 'Pause';
    } else {
      remaining = Math.max(0, endsAt - Date.now());
      pause.textContent = 'Resume';
    }
    paused = !paused;
    render();
  });
  flow.startTimer(250, render);
  render();
  return { clock, ended, pause };
}
