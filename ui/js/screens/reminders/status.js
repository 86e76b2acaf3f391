// What the reminders are doing now: the next one, "pause for today" (the tray offers the same), and,
// when a notification brought Hearth forward, which reminder it was and "remind us again".

import { api } from '../../api.js';
import { h, errorSlot, showError, statusLine } from '../../dom.js';
import { shortMomentText } from '../../time.js';

const SNOOZES = [['ten_minutes', 'In 10 minutes'], ['one_hour', 'In an hour'], ['tomorrow', 'Tomorrow']];

// Shown when a notification brought Hearth forward: which reminder it was, and "remind us again".
export function snoozeCard(reminderIds, changed) {
  const note = statusLine('snooze-status');
  const error = errorSlot('snooze-error');
  const titles = h('p', { class: 'prompt-text', id: 'snoozed-titles' });
  const card = h('div', { class: 'card', id: 'snooze-card', hidden: true, 'aria-labelledby': 'snooze-title' },
    h('h2', { id: 'snooze-title', text: 'A reminder just came' }), titles,
    h('div', { class: 'actions start' },
      h('span', { class: 'hint', text: 'Remind us again:' }),
      SNOOZES.map(([snooze, label]) => h('button', { type: 'button', class: 'quiet', id: `snooze-${snooze}`, text: label,
        onclick: async () => {
          showError(error, null);
          try {
            await api.snoozeReminders(reminderIds, snooze);
            note.textContent = `We'll remind you again: ${label.toLowerCase()}.`;
            changed();
          } catch (err) {
            showError(error, err);
          }
        } }))),
    note, error);
  return {
    element: card,
    show(reminders) {
      const shown = reminders.filter((r) => reminderIds.includes(r.id));
      card.hidden = shown.length === 0;
      titles.textContent = shown.map((r) => r.title).join(' · ');
    },
  };
}

// The next reminder and "pause for today" (the tray offers the same).
// `told` hears each status: the editor takes the default notification text from it.
export function statusCard(told) {
  const next = h('p', { id: 'reminder-next' });
  const error = errorSlot('reminder-status-error');
  const pause = h('button', { type: 'button', class: 'quiet', id: 'pause-today' });
  let paused = false;
  const card = h('div', { class: 'card', 'aria-live': 'polite' }, next, h('div', { class: 'actions start' }, pause), error);
  async function load(pending = api.reminderStatus()) {
    showError(error, null);
    try {
      const status = await pending;
      told(status);
      paused = Boolean(status.pausedUntil);
      next.textContent = paused
        ? `Reminders are paused until ${shortMomentText(status.pausedUntil)}.`
        : status.next ? `Next reminder: ${shortMomentText(status.next)}.` : 'No reminder coming up.';
      pause.textContent = paused ? 'Resume reminders' : 'Pause reminders today';
    } catch (err) {
      showError(error, err);
    }
  }
  pause.addEventListener('click', () => load(paused ? api.resumeReminders() : api.pauseRemindersToday()));
  return { element: card, load };
}

