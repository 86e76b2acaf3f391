// Conflict repair, guided: one speaks for a set time while the other listens, the listener says back
// what they heard, then they swap. Reframing questions look for the wish for closeness underneath,
// an optional step finds the dream under each position, and the talk ends with one small
// agreement, kept in the shared space with those dreams.
// The turns and their clock are `turns.js`'s, which the stress talk shares.

import { api } from '../api.js';
import { h, errorSlot, labelled, onSubmit, statusLine, value } from '../dom.js';
import { nameOf, otherPartner, partnerOf } from '../people.js';
import { options } from '../prompt-meta.js';
import { dayText } from '../time.js';
import { turnClock, turnFlow } from '../turns.js';

const REFRAMES = [
  'Under this disagreement, what closeness was each of you hoping for?',
  'What would help you feel on the same side again, even before it is solved?',
  'What did the other say just now that you had not understood before?',
  'What is one thing you appreciated about how the other talked or listened today?',
];

export function renderRepair(app) {
  const section = h('section', { class: 'repair', 'aria-labelledby': 'repair-title' });
  start(turnFlow(app, section, 'repair-title', 'Repair a disagreement'));
  return section;
}

function careLink(flow) {
  return h('button', { type: 'button', class: 'quiet', id: 'repair-care', text: 'If things feel unsafe or stuck, read this first',
    onclick: () => { flow.stopTimer(); flow.app.go('care'); } });
}

function start(flow) {
  flow.stopTimer();
  const { status } = flow.app;
  const first = h('select', { id: 'repair-first', 'data-autofocus': '' }, options(status.partners.map((p) => [p.id, p.name]), status.partners[0]?.id));
  const minutes = h('select', { id: 'repair-minutes' }, options([['2', '2 minutes'], ['3', '3 minutes'], ['5', '5 minutes']], '3'));
  flow.show(
    h('p', { class: 'lede', text: 'A calm way through a hard conversation. One of you speaks while the other only listens; the listener says back what they heard; then you swap. Most conflict hides a wish to be closer, and this is a way to find it.' }),
    h('div', { class: 'card' },
      h('h2', { text: 'Before you begin' }),
      h('ul', { class: 'questions' },
        h('li', { text: 'Sit where you can see each other. Put the phones away.' }),
        h('li', { text: 'The speaker talks about their own feelings and needs: "I felt… when…".' }),
        h('li', { text: 'The listener listens to understand, not to answer. No defending yet.' })),
      h('div', { class: 'row' },
        labelled('repair-first', 'Who speaks first', first),
        labelled('repair-minutes', 'Time for each speaker', minutes)),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', class: 'primary', id: 'repair-begin', text: 'Begin',
          onclick: () => speak(flow, partnerOf(status, first.value), otherPartner(status, first.value), Number(minutes.value), 1) }),
        careLink(flow))),
    agreementsCard(flow.app.status));
}

function speak(flow, speaker, listener, minutes, round) {
  const { clock, ended, pause } = turnClock(flow, 'repair', minutes, `Time. ${speaker.name}, finish your sentence, then hand over.`);
  flow.show(
    h('div', { class: 'card turn' },
      h('p', { class: 'hint', text: `Turn ${round} of 2` }),
      h('h2', { id: 'repair-speaker', text: `${speaker.name} has the floor` }),
      clock, ended,
      h('p', { text: `${speaker.name}: say what happened for you and what you felt, about yourself rather than about ${listener.name}.` }),
      h('p', { text: `${listener.name}: listen. You will say back what you heard, so there is nothing to prepare.` }),
      h('div', { class: 'actions start' },
        pause,
        h('button', { type: 'button', class: 'primary', id: 'repair-done-speaking', text: 'Done speaking', 'data-autofocus': '',
          onclick: () => reflect(flow, speaker, listener, minutes, round) }))));
}

function reflect(flow, speaker, listener, minutes, round) {
  flow.stopTimer();
  const note = statusLine('repair-reflect-status');
  flow.show(h('div', { class: 'card turn' },
    h('h2', { id: 'repair-listener', text: `${listener.name}, say back what you heard` }),
    h('p', { text: `In your own words: "What I heard is… Did I get that right?" Then ${speaker.name} says whether it fits.` }),
    note,
    h('div', { class: 'actions start' },
      h('button', { type: 'button', class: 'primary', id: 'repair-heard', text: `${speaker.name} feels heard`, 'data-autofocus': '',
        onclick: () => (round === 1 ? speak(flow, listener, speaker, minutes, 2) : reframe(flow)) }),
      h('button', { type: 'button', id: 'repair-again', text: 'Not quite yet',
        onclick: () => { note.textContent = `${speaker.name}, say once more the part that matters most, then ${listener.name} tries again.`; } }))));
}

function reframe(flow) {
  flow.show(h('div', { class: 'card' },
    h('h2', { id: 'repair-reframe', text: 'Look underneath it, together' }),
    h('p', { text: 'Take these one at a time, each of you answering.' }),
    h('ul', { class: 'questions', id: 'repair-questions' }, REFRAMES.map((q) => h('li', { text: q }))),
    h('div', { class: 'actions start' },
      h('button', { type: 'button', class: 'primary', id: 'repair-next', text: 'Look for the dreams underneath', 'data-autofocus': '',
        onclick: () => dreams(flow) }),
      h('button', { type: 'button', id: 'repair-skip-dreams', text: 'Straight to one small agreement',
        onclick: () => agree(flow, null) }),
      careLink(flow))));
}

// Dreams within conflict: an optional step. Each says what hope or dream sits under their
// position; what they write is kept with the agreement.
function dreams(flow) {
  const { status } = flow.app;
  const fields = status.partners.map((p) => labelled(`repair-dream-${p.id}`, `${p.name}: what I am really hoping for here`,
    h('input', { id: `repair-dream-${p.id}`, type: 'text', maxlength: 500, autocomplete: 'off', 'data-autofocus': p.id === 'a' ? '' : null })));
  flow.show(h('div', { class: 'card' },
    h('h2', { id: 'repair-dreams', text: 'The dreams underneath' }),
    h('p', { text: 'A position that will not move often protects something that matters: a hope, a value, a story from long ago. Each of you, in a sentence: what would it mean to you if this went your way? You can leave it empty.' }),
    ...fields,
    h('div', { class: 'actions start' },
      h('button', { type: 'button', class: 'primary', id: 'repair-dreams-done', text: 'On to one small agreement',
        onclick: () => agree(flow, { a: value('repair-dream-a'), b: value('repair-dream-b') }) }))));
}

function agree(flow, underneath) {
  const error = errorSlot('repair-error');
  const form = h('form', { class: 'card', 'aria-labelledby': 'repair-agree-title' },
    h('h2', { id: 'repair-agree-title', text: 'One small agreement' }),
    h('p', { text: 'Not the whole problem: one thing you will both try this week. Small enough to keep.' }),
    labelled('repair-agreement', 'We agree to…', h('input', { id: 'repair-agreement', type: 'text', maxlength: 500, required: true, autocomplete: 'off', 'data-autofocus': '' })),
    error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: 'repair-save', text: 'Save our agreement' })));
  onSubmit(form, error, 'Saving…', async () => {
    const saved = await api.saveAgreement(value('repair-agreement'), underneath);
    flow.show(h('div', { class: 'card' },
      h('h2', { id: 'repair-saved', text: 'Agreed' }),
      h('p', { class: 'prompt-text', id: 'repair-saved-text', text: saved.agreement }),
      h('p', { text: 'Thank you both for staying with it. That takes care.' }),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', id: 'repair-again-later', text: 'Back to the start', 'data-autofocus': '', onclick: () => start(flow) }))),
    agreementsCard(flow.app.status));
  });
  flow.show(form);
}

// The dreams kept with an agreement, each under its partner's name.
function dreamLines(status, underneath) {
  const lines = ['a', 'b'].filter((id) => underneath?.[id]).map((id) =>
    h('li', { class: 'hint', text: `${nameOf(status, id)}'s dream: ${underneath[id]}` }));
  return lines.length ? h('ul', { class: 'dream-lines' }, lines) : null;
}

function agreementsCard(status) {
  const list = h('ul', { class: 'agreements', id: 'agreement-list' });
  const card = h('div', { class: 'card', 'aria-labelledby': 'agreements-title' },
    h('h2', { id: 'agreements-title', text: 'Your agreements' }), list);
  api.listAgreements().then((agreements) => {
    if (!agreements.length) {
      list.replaceWith(h('p', { class: 'hint', text: 'The agreements you make here are kept for both of you.' }));
      return;
    }
    list.replaceChildren(...agreements.map((a) => h('li', {},
      h('span', { text: a.agreement }),
      h('span', { class: 'hint', text: ` · ${dayText(a.createdAt)}` }),
      dreamLines(status, a.dreams))));
  }).catch(() => {});
  return card;
}
