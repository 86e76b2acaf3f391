// Home answers "what now?": at most one ritual suggested, today's prompt and the next steps,
// greeting whoever is here. Nothing on it counts what was not done.

import { api } from '../api.js';
import { h, errorSlot, every, labelled, onSubmit, showError, statusLine, value } from '../dom.js';
import { nameOf, otherPartner, unlockedNames, unlockedPartners } from '../people.js';
import { describe, options } from '../prompt-meta.js';
import { onThisDayCard } from '../on-this-day.js';
import { dayText, momentText } from '../time.js';

function greeting(hour) {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function renderHome(app) {
  const names = unlockedNames(app.status);
  const error = errorSlot('home-error');
  const today = h('div', { class: 'card today', id: 'today-prompt', 'aria-labelledby': 'today-title' },
    h('h2', { id: 'today-title', text: 'Today\'s prompt' }),
    h('p', { class: 'hint', text: 'Loading…' }));

  api.promptOfTheDay().then((prompt) => {
    if (!prompt) {
      today.replaceChildren(today.firstChild, h('p', { text: 'You have talked through every prompt. Let some come back in History.' }));
      return;
    }
    today.replaceChildren(today.firstChild,
      h('p', { class: 'prompt-text large', id: 'today-text', text: prompt.text }),
      h('p', { class: 'hint', text: describe(prompt) }),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', class: 'primary', id: 'today-reveal', text: 'Answer, then reveal',
          onclick: () => app.go('reveal', { prompt }) }),
        h('button', { type: 'button', id: 'today-together', text: 'Talk about it together',
          onclick: () => app.go('together', { cards: [prompt], minutes: 0 }) })));
  }).catch((err) => showError(error, err));

  const section = h('section', { class: 'home', 'aria-labelledby': 'home-greeting' },
    h('h1', { id: 'home-greeting', text: `${greeting(new Date().getHours())}, ${names.join(' and ')}` }),
    app.params?.firstRun ? welcomeCard(app) : null,
    error,
    h('nav', { class: 'quick wide', 'aria-label': 'Quick actions' },
      h('button', { type: 'button', id: 'quick-date', text: 'Plan a date night', onclick: () => app.go('date-night') }),
      h('button', { type: 'button', id: 'quick-write', text: 'Write an entry', onclick: () => app.go('journal', { newEntry: {} }) }),
      h('button', { type: 'button', id: 'quick-appreciate', text: 'Appreciate',
        onclick: () => document.getElementById('appreciation-text')?.focus() }),
      h('button', { type: 'button', id: 'quick-prompts', text: 'Browse prompts', onclick: () => app.go('prompts') }),
      h('button', { type: 'button', id: 'quick-stress', text: 'How was your day?', onclick: () => app.go('stress-talk') }),
      h('button', { type: 'button', id: 'quick-story', text: 'Our story', onclick: () => app.go('story') })),
    suggestionCard(app),
    today,
    togetherCard(app),
    checkinCard(app),
    appreciationCard(app),
    h('div', { class: 'care-link' },
      h('p', { class: 'hint', text: names.length === 2
        ? 'You are both here: your shared space and both private spaces are open.'
        : `Your shared space and ${names[0]}'s private space are open. Press Ctrl+L to lock at any time.` }),
      h('button', { type: 'button', class: 'quiet', id: 'home-care', text: 'Hearth is not therapy: care and support',
        onclick: () => app.go('care') })),
  );
  return section;
}

// The one ritual Home suggests now, if any: an appreciation waiting to be revealed, this day in
// earlier years, or tonight's stress talk. The core chooses; nothing shows when none fits.
function suggestionCard(app) {
  const card = h('div', { id: 'home-suggestion', hidden: true });
  api.homeSuggestion().then((suggestion) => {
    if (!suggestion) return;
    const ritual = (title, text, button, view) => h('div', { class: 'card suggestion', id: `suggest-${suggestion.kind}`, 'aria-labelledby': 'suggest-title' },
      h('h2', { id: 'suggest-title', text: title }), h('p', { text }),
      h('div', { class: 'actions start' }, h('button', { type: 'button', class: 'primary', id: 'suggest-go', text: button, onclick: () => app.go(view) })));
    const shown = {
      appreciation_ready: () => ritual('An appreciation is waiting', 'You have both written one. Sit together and reveal them at the same moment.', 'Reveal together', 'exchange-reveal'),
      on_this_day: () => onThisDayCard(app, suggestion.memories),
      stress_talk: () => ritual('Tonight: how was your day?', 'Twenty minutes to talk about what weighs on each of you from outside, each taking the other\'s side.', 'Start the talk', 'stress-talk'),
    }[suggestion.kind]?.();
    if (shown) {
      card.replaceChildren(shown);
      card.hidden = false;
    }
  }).catch(() => {});
  return card;
}

// How long until a moment, in words: "in 2 days and 3 hours", "in 40 minutes".
function countdown(until, now = Date.now()) {
  const minutes = Math.max(0, Math.round((until - now) / 60000));
  if (minutes < 1) return 'now';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days) return `in ${unit(days, 'day')}${hours ? ` and ${unit(hours, 'hour')}` : ''}`;
  if (hours) return `in ${unit(hours, 'hour')}${mins ? ` and ${unit(mins, 'minute')}` : ''}`;
  return `in ${unit(mins, 'minute')}`;
}

// The next together-time, counting down, and the together-times kept this month (a count that only
// ever grows; nothing is said about the ones missed).
function togetherCard(app) {
  // Taken now: the answer below may arrive after another screen has replaced this one.
  const { signal } = app;
  const body = h('div', {}, h('p', { class: 'hint', text: 'Loading…' }));
  const card = h('div', { class: 'card', id: 'home-together', 'aria-labelledby': 'together-title' },
    h('h2', { id: 'together-title', text: 'Your next together-time' }), body);
  Promise.all([api.nextTogetherTime(), api.keptThisMonth()]).then(([next, kept]) => {
    const keptLine = kept > 0 ? h('p', { id: 'home-kept', text: `Together-times kept this month: ${kept}. Lovely.` }) : null;
    if (!next) {
      body.replaceChildren(...[h('p', { text: 'No together-time planned yet. A regular, phone-free hour does a lot.' }), keptLine,
        h('div', { class: 'actions start' }, h('button', { type: 'button', id: 'home-plan-time', text: 'Plan a together-time', onclick: () => app.go('reminders') }))]
        .filter(Boolean));
      return;
    }
    const starts = new Date(next.startsAt);
    const left = h('p', { class: 'countdown', id: 'home-countdown', 'aria-live': 'off' });
    const tick = () => { left.textContent = countdown(starts.getTime()); };
    tick();
    every(30000, tick, signal);
    body.replaceChildren(...[
      h('p', { class: 'prompt-text', id: 'home-next-title', text: next.title }),
      h('p', { class: 'hint', text: momentText(starts) }),
      left, keptLine].filter(Boolean));
  }).catch(() => body.replaceChildren(h('p', { class: 'hint', text: 'Reminders could not be read just now.' })));
  return card;
}

// This week's check-in, when it waits for the partner who is here. Nothing is shown otherwise.
function checkinCard(app) {
  const card = h('div', { class: 'card', id: 'home-checkin', hidden: true, 'aria-labelledby': 'home-checkin-title' });
  api.checkinDue().then(({ due }) => {
    if (!due) return;
    card.replaceChildren(
      h('h2', { id: 'home-checkin-title', text: 'This week\'s check-in' }),
      h('p', { text: 'Four quick ratings, just for the two of you, whenever you have five minutes. You see each other\'s answers once you have both answered.' }),
      h('div', { class: 'actions start' }, h('button', { type: 'button', id: 'home-checkin-open', text: 'Open the check-in', onclick: () => app.go('checkin') })));
    card.hidden = false;
  }).catch(() => {});
  return card;
}

// "I appreciated…": a one-line note to the other, and now and then an older one brought back.
function appreciationCard(app) {
  const here = unlockedPartners(app.status);
  const other = (id) => otherPartner(app.status, id)?.name ?? '';
  const error = errorSlot('appreciation-error');
  const done = statusLine('appreciation-status');
  const resurfaced = h('div', { id: 'appreciation-back' });
  const author = h('select', { id: 'appreciation-author' }, options(here.map((p) => [p.id, `From ${p.name}`]), here[0]?.id));
  const form = h('form', { class: 'card', 'aria-labelledby': 'appreciation-title' },
    h('h2', { id: 'appreciation-title', text: 'A note of appreciation' }),
    resurfaced,
    here.length > 1 ? labelled('appreciation-author', 'Who is writing', author) : null,
    labelled('appreciation-text', `I appreciated… (to ${other(here[0]?.id)})`, h('input', { id: 'appreciation-text', type: 'text', maxlength: 280, autocomplete: 'off', required: true })),
    done, error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', id: 'appreciation-save', text: 'Leave the note' })));
  author.addEventListener('change', () => {
    form.querySelector('label[for="appreciation-text"]').textContent = `I appreciated… (to ${other(author.value)})`;
  });
  onSubmit(form, error, 'Saving…', async () => {
    await api.addAppreciation(author.value || here[0]?.id, value('appreciation-text'));
    form.querySelector('#appreciation-text').value = '';
    done.textContent = 'Saved. It may come back one day, when you need it.';
  });
  api.appreciationOfTheDay().then((note) => {
    if (!note) return;
    const from = nameOf(app.status, note.author);
    resurfaced.replaceChildren(
      h('p', { class: 'hint', text: `From ${from}, ${dayText(note.createdAt)}:` }),
      h('p', { class: 'prompt-text', id: 'appreciation-resurfaced', text: note.body }));
  }).catch(() => {});
  return form;
}

// The first run's welcome: what Hearth keeps and where, in three lines, and a date night at once.
// Each line is a promise a test holds Hearth to (e2e_about, e2e_joint, e2e_notifications).
function welcomeCard(app) {
  const card = h('div', { class: 'card welcome', id: 'first-run', 'aria-labelledby': 'first-run-title' },
    h('h2', { id: 'first-run-title', text: 'Welcome home' }),
    h('ul', { class: 'questions' },
      h('li', { text: 'Everything you write stays on this computer, encrypted. Hearth never goes online.' }),
      h('li', { text: 'Each of you has a private space the other cannot open, and one you share.' }),
      h('li', { text: 'Reminders come as quiet notifications that never show a reminder\'s title or your entries.' })),
    h('div', { class: 'actions start' },
      h('button', { type: 'button', class: 'primary', id: 'first-date', text: 'Try a date night now',
        onclick: () => app.go('date-night', { dealNow: true }) }),
      h('button', { type: 'button', class: 'quiet', id: 'first-later', text: 'Look around first',
        onclick: () => card.remove() })));
  return card;
}
