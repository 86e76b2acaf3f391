// Reminders: together-time, date nights, nudges and dates to remember. Titles stay inside Hearth;
// the desktop notification only ever shows the discreet text. Also: pause for today, snooze (when
// opened from a notification), marking together-times kept, quiet hours, and calendar export.
//
// The screen's parts live in reminders/: status (next, pause, snooze), editor (with
// repeat-picker), together-times, and delivery.

import { api, onRemindersChanged, onSharedChanged } from '../api.js';
import { h, changeThenRefresh, confirmInPlace, errorSlot, showError } from '../dom.js';
import { momentText } from '../time.js';
import { deliveryCard } from './reminders/delivery.js';
import { KINDS, reminderEditor } from './reminders/editor.js';
import { snoozeCard, statusCard } from './reminders/status.js';
import { togetherTimesCard } from './reminders/together-times.js';

const kindLabel = (kind) => KINDS.find(([k]) => k === kind)?.[1] ?? kind;

export function renderReminders(app) {
  const error = errorSlot('reminders-error');
  const list = h('div', { class: 'prompt-list', id: 'reminder-list' });
  const kept = h('p', { class: 'lede', id: 'kept-count' });
  const editor = reminderEditor(refresh);
  const status = statusCard((told) => editor.setDefaultText(told.defaultText));
  const marks = togetherTimesCard(() => refresh());
  const snooze = snoozeCard(app.params?.reminderIds ?? [], () => status.load());
  const screen = { editor, refresh, act: (pending) => changeThenRefresh(pending, refresh, error) };
  async function refresh() {
    showError(error, null);
    status.load();
    marks.load();
    try {
      const [reminders, keptCount] = await Promise.all([api.listReminders(), api.keptThisMonth()]);
      kept.textContent = keptCount > 0
        ? `Together-times kept this month: ${keptCount}. Lovely.`
        : 'Pick a regular time for the two of you, with the phones away.';
      list.replaceChildren(...reminders.map((reminder) => reminderCard(screen, reminder)));
      if (!reminders.length) list.append(h('p', { class: 'card', text: 'No reminders yet.' }));
      snooze.show(reminders);
    } catch (err) {
      showError(error, err);
    }
  }
  refresh();
  onRemindersChanged(app.signal, () => status.load());
  onSharedChanged(app.signal, () => refresh());
  return h('section', { 'aria-labelledby': 'reminders-title' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'reminders-title', text: 'Reminders' }),
      h('button', { type: 'button', id: 'new-reminder', text: 'New reminder', onclick: () => editor.open(null) })),
    snooze.element, kept, status.element, editor.element, error, list, marks.element, deliveryCard());
}

// One reminder with its next date, Edit, Pause or Resume, and Delete.
function reminderCard({ editor, refresh, act }, reminder) {
  const next = h('p', { class: 'hint', text: 'Next: …' });
  api.previewReminder(reminder).then((times) => {
    next.textContent = times.length ? `Next: ${momentText(times[0])}` : 'No more dates to come.';
  }).catch(() => { next.textContent = ''; });
  const toggle = h('button', { type: 'button', class: 'quiet', id: `pause-${reminder.id}`,
    text: reminder.active ? 'Pause' : 'Resume',
    onclick: () => act(api.updateReminder(reminder.id, { ...reminder, active: !reminder.active })) });
  const remove = h('button', { type: 'button', class: 'quiet', id: `delete-${reminder.id}`, text: 'Delete',
    onclick: (event) => confirmInPlace(event.target.closest('.actions'), {
      question: 'Delete this reminder?',
      confirmId: `confirm-delete-${reminder.id}`,
      onConfirm: () => act(api.deleteReminder(reminder.id)),
      onKeep: refresh,
    }) });
  return h('article', { class: 'card prompt', 'data-reminder': reminder.id },
    h('p', { class: 'prompt-text', text: reminder.title }),
    h('p', { class: 'hint', text: `${kindLabel(reminder.kind)}${reminder.active ? '' : ' · paused'} · notification: "${reminder.notificationText}"` }),
    next,
    h('div', { class: 'actions start' },
      h('button', { type: 'button', class: 'quiet', text: 'Edit', onclick: () => editor.open(reminder) }),
      toggle, remove));
}
