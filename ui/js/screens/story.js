// Our story: the timeline, one calm list of milestones, dates kept, dreams reached, agreements and
// notes, newest first; a milestone can be added here, shared or private to its writer, and a
// shared one can become a yearly reminder in one step. "On this day" opens it when there is one.

import { api } from '../api.js';
import { h, errorSlot, labelled, onSubmit, showError, statusLine, value } from '../dom.js';
import { nameOf, unlockedPartners } from '../people.js';
import { options } from '../prompt-meta.js';
import { onThisDayCard } from '../on-this-day.js';
import { dayText, localDate, systemZone } from '../time.js';

// What each kind of item is called on the timeline.
const KIND_LABELS = {
  milestone: 'Milestone',
  dream_reached: 'A dream come true',
  date_kept: 'A date',
  agreement: 'An agreement',
  together_note: 'A note from together mode',
  stress_talk: 'After a stress talk',
};

export function renderStory(app) {
  const error = errorSlot('story-error');
  const memories = h('div', { id: 'story-on-this-day' });
  const list = h('div', { id: 'timeline', 'aria-live': 'polite' }, h('p', { class: 'hint', text: 'Loading…' }));
  const refresh = () => Promise.all([api.storyTimeline(), api.onThisDay()]).then(([items, today]) => {
    memories.replaceChildren(onThisDayCard(app, today) ?? '');
    list.replaceChildren(...timeline(app, items, refresh));
  }).catch((err) => showError(error, err));
  const section = h('section', { class: 'story', 'aria-labelledby': 'story-title' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'story-title', text: 'Our story' }),
      h('button', { type: 'button', id: 'story-dreams', text: 'Dreams and bucket list', onclick: () => app.go('dreams') })),
    h('p', { class: 'lede', text: 'A long story, with its ups and downs. Here is the road you have walked so far.' }),
    error, memories, milestoneForm(app, refresh), list);
  refresh();
  return section;
}

function milestoneForm(app, refresh) {
  const here = unlockedPartners(app.status);
  const spaces = [['shared', 'Shared, for both of you'], ...here.map((p) => [p.id, `Only ${p.name}`])];
  const error = errorSlot('milestone-error');
  const done = statusLine('milestone-saved');
  const form = h('form', { class: 'card', 'aria-labelledby': 'milestone-title' },
    h('h2', { id: 'milestone-title', text: 'Add a milestone' }),
    h('div', { class: 'row' },
      labelled('milestone-day', 'When', h('input', { id: 'milestone-day', type: 'date', required: true, max: localDate() })),
      labelled('milestone-space', 'Who sees it', h('select', { id: 'milestone-space' }, options(spaces, 'shared')))),
    labelled('milestone-name', 'What happened', h('input', { id: 'milestone-name', type: 'text', maxlength: 120, required: true, autocomplete: 'off', placeholder: 'The day we met, moving in, a trip…' })),
    labelled('milestone-note', 'A note (optional)', h('input', { id: 'milestone-note', type: 'text', maxlength: 500, autocomplete: 'off' })),
    done, error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: 'milestone-save', text: 'Add to our story' })));
  onSubmit(form, error, 'Saving…', async () => {
    const who = value('milestone-space');
    const space = who === 'shared' ? { space: 'shared' } : { space: 'private', owner: who };
    await api.addMilestone(space, { day: value('milestone-day'), title: value('milestone-name'), note: value('milestone-note') });
    form.reset();
    done.textContent = 'Added to your story.';
    await refresh();
  });
  return form;
}

// The timeline, one list per year, newest first.
function timeline(app, items, refresh) {
  if (!items.length) return [h('p', { class: 'hint', id: 'timeline-empty', text: 'Your story starts with a first milestone: the day you met, perhaps.' })];
  const years = [...new Set(items.map((item) => item.day.slice(0, 4)))];
  return years.map((year) => h('section', { class: 'timeline-year', 'aria-label': year },
    h('h2', { text: year }),
    h('ol', { class: 'timeline' }, items.filter((item) => item.day.startsWith(year)).map((item) => storyItem(app, item, refresh)))));
}

function storyItem(app, item, refresh) {
  const privateTo = item.space.space === 'private' ? nameOf(app.status, item.space.owner) : null;
  const actions = h('div', { class: 'actions start' });
  if (item.kind === 'milestone' && !privateTo) {
    actions.append(item.reminderId
      ? h('p', { class: 'hint', text: 'Remembered every year with a reminder.' })
      : yearlyButton(item, actions, refresh));
  }
  return h('li', { class: `story-item ${item.kind}`, 'data-kind': item.kind, id: `story-${item.kind}-${item.space.owner ?? 'shared'}-${item.id}` },
    h('p', { class: 'hint', text: `${dayText(item.day)} · ${KIND_LABELS[item.kind]}${privateTo ? ` · Only ${privateTo}` : ''}` }),
    h('p', { class: 'prompt-text', text: item.title }),
    item.note ? h('p', { text: item.note }) : null,
    actions.childElementCount ? actions : null);
}

// "Remind us every year": asks the time, in place, then makes the yearly reminder.
function yearlyButton(item, actions, refresh) {
  const id = `yearly-${item.id}`;
  return h('button', { type: 'button', id, text: 'Remind us every year', onclick: () => {
    const time = h('input', { id: `${id}-time`, type: 'time', value: '09:00', required: true });
    const slot = errorSlot(`${id}-error`);
    const save = h('button', { type: 'button', class: 'primary', id: `${id}-save`, text: 'Set the yearly reminder' });
    save.addEventListener('click', async () => {
      showError(slot, null);
      try {
        await api.remindMilestoneYearly(item.space, item.id, `${time.value}:00`, systemZone());
        actions.replaceChildren(h('p', { class: 'hint', role: 'status', id: `${id}-set`, text: `Every year on this day at ${time.value}. The notification only says it is time for the two of you.` }));
      } catch (err) {
        showError(slot, err);
      }
    });
    actions.replaceChildren(labelled(time.id, 'At', time), slot,
      h('div', { class: 'actions start' }, save, h('button', { type: 'button', class: 'quiet', text: 'Not now', onclick: () => refresh() })));
    time.focus();
  } });
}
