// "How was your day?": the stress-reducing conversation. Each partner in turn talks about stress
// from outside the two of you (work, family, health) while the other takes their side. The turns
// and their clock are the repair flow's (`turns.js`); what is kept is that the talk happened, and
// an optional one-line note.

import { api } from '../api.js';
import { h, errorSlot, labelled, onSubmit, statusLine, value } from '../dom.js';
import { otherPartner, partnerOf } from '../people.js';
import { options } from '../prompt-meta.js';
import { localDate, systemZone } from '../time.js';
import { turnClock, turnFlow } from '../turns.js';

// What the listener is there to do, on screen through every turn.
const LISTENER_JOB = [
  'Take your partner\'s side, even if you see the other side too.',
  'Ask, to understand more. Show you are on their team.',
  'Don\'t try to fix it unless they ask you to.',
];

// Questions the listener can pick from when the speaker slows down.
const LISTENING_PROMPTS = [
  'What was the hardest part of it?',
  'How did that feel, in the moment?',
  'What do you wish had happened instead?',
  'Is there more you haven\'t said yet?',
  'What would help most right now: ideas, or just me listening?',
  'Who was on your side today?',
];

const WEEKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

export function renderStressTalk(app) {
  const section = h('section', { class: 'stress-talk', 'aria-labelledby': 'stress-title' });
  start(turnFlow(app, section, 'stress-title', 'How was your day?'));
  return section;
}

function start(flow) {
  flow.stopTimer();
  const { status } = flow.app;
  const first = h('select', { id: 'stress-first', 'data-autofocus': '' }, options(status.partners.map((p) => [p.id, p.name]), status.partners[0]?.id));
  const minutes = h('select', { id: 'stress-minutes' }, options([['5', '5 minutes'], ['10', '10 minutes'], ['15', '15 minutes']], '10'));
  flow.show(
    h('p', { class: 'lede', text: 'Twenty minutes or so at the end of the day, about what weighs on each of you from outside the relationship: work, family, health, the news. Not about each other. The one who listens is on the speaker\'s side.' }),
    h('div', { class: 'card' },
      h('h2', { text: 'Each of you has a turn' }),
      h('div', { class: 'row' },
        labelled('stress-first', 'Who starts', first),
        labelled('stress-minutes', 'Length of each turn', minutes)),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', class: 'primary', id: 'stress-begin', text: 'Begin',
          onclick: () => turn(flow, partnerOf(status, first.value), otherPartner(status, first.value), Number(minutes.value), 1) }))),
    reminderCard());
}

// "Remind us on weekdays": a together-time reminder made from here, in one step.
function reminderCard() {
  const time = h('input', { id: 'stress-reminder-time', type: 'time', value: '18:30', required: true });
  const error = errorSlot('stress-reminder-error');
  const done = statusLine('stress-reminder-status');
  const form = h('form', { class: 'card', 'aria-labelledby': 'stress-reminder-title' },
    h('h2', { id: 'stress-reminder-title', text: 'Make it a habit' }),
    h('p', { text: 'A gentle reminder on weekday evenings. The notification only says it is time for the two of you.' }),
    labelled('stress-reminder-time', 'Every weekday at', time),
    done, error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', id: 'stress-reminder-save', text: 'Remind us on weekdays' })));
  onSubmit(form, error, 'Saving…', async () => {
    const startLocal = `${localDate()}T${time.value}:00`;
    await api.createReminder({
      kind: 'weekly_slot', title: 'How was your day?', notificationText: null, rule: WEEKDAYS,
      zone: systemZone(), startLocal, leadMinutes: 0, durationMinutes: 20, active: true,
    });
    done.textContent = `Set: every weekday at ${time.value}. You can change it in Reminders.`;
  });
  return form;
}

function turn(flow, speaker, listener, minutes, round) {
  const { clock, ended, pause } = turnClock(flow, 'stress', minutes, `Time. ${speaker.name}, finish your thought; there is no rush.`);
  const asked = h('p', { class: 'prompt-text', id: 'stress-asked', 'aria-live': 'polite' });
  const last = round === 2;
  flow.show(
    h('div', { class: 'card turn' },
      h('p', { class: 'hint', text: `Turn ${round} of 2` }),
      h('h2', { id: 'stress-speaker', text: `${speaker.name}, how was your day?` }),
      clock, ended,
      h('p', { text: `${speaker.name}: talk about what is on your mind from outside the two of you.` }),
      h('h3', { text: `${listener.name}, your job` }),
      h('ul', { class: 'questions', id: 'stress-job' }, LISTENER_JOB.map((text) => h('li', { text }))),
      h('h3', { text: 'If you want a question to ask' }),
      h('div', { class: 'chips', id: 'stress-prompts', role: 'group', 'aria-label': 'Listening prompts' },
        LISTENING_PROMPTS.map((text, index) => h('button', { type: 'button', class: 'chip', id: `stress-prompt-${index}`, text,
          onclick: () => { asked.textContent = text; } }))),
      asked,
      h('div', { class: 'actions start' },
        pause,
        h('button', { type: 'button', class: 'primary', id: 'stress-next', 'data-autofocus': '',
          text: last ? 'We are done' : `Swap: ${listener.name}'s turn`,
          onclick: () => (last ? finish(flow) : turn(flow, listener, speaker, minutes, 2)) }))));
}

// The end: an optional line to remember, kept with the talk.
function finish(flow) {
  flow.stopTimer();
  const error = errorSlot('stress-error');
  const form = h('form', { class: 'card', 'aria-labelledby': 'stress-end-title' },
    h('h2', { id: 'stress-end-title', text: 'Thank you both' }),
    h('p', { text: 'Anything to remember from tonight? One line, only if you like. It goes on your timeline.' }),
    labelled('stress-note', 'A note (optional)', h('input', { id: 'stress-note', type: 'text', maxlength: 200, autocomplete: 'off', 'data-autofocus': '' })),
    error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: 'stress-save', text: 'Keep this talk' })));
  onSubmit(form, error, 'Saving…', async () => {
    const kept = await api.recordStressTalk(value('stress-note'));
    flow.show(h('div', { class: 'card' },
      h('h2', { id: 'stress-kept', text: 'Kept' }),
      kept.note ? h('p', { class: 'prompt-text', id: 'stress-kept-note', text: kept.note }) : null,
      h('div', { class: 'actions start' },
        h('button', { type: 'button', id: 'stress-home', text: 'Back to Home', 'data-autofocus': '', onclick: () => flow.app.go('home') }))));
  });
  flow.show(form);
}
