// Reminders: together-time, date nights, nudges and dates to remember. Titles stay inside Hearth;
// the desktop notification only ever shows the discreet text. Also: pause for today, snooze (when
// opened from a notification), marking together-times kept, quiet hours, and calendar export.

import { api } from '../api.js';
import { h, changeThenRefresh, confirmInPlace, errorSlot, field, labelled, onSubmit, showError, statusLine, value } from '../dom.js';
import { options } from '../prompt-meta.js';
import { systemZone, localDateTimeIn, daysToNextSunday } from '../time.js';

const KINDS = [
  ['weekly_slot', 'Weekly together-time'],
  ['monthly_date', 'Monthly date night'],
  ['daily_prompt', 'Daily prompt nudge'],
  ['appreciation', 'Appreciation nudge'],
  ['one_off', 'One date'],
  ['yearly', 'Every year (an anniversary)'],
];
const LEADS = [['0', 'At the time'], ['5', '5 minutes before'], ['15', '15 minutes before'], ['60', 'An hour before']];
const DURATIONS = [['30', '30 minutes'], ['60', '1 hour'], ['90', '1½ hours'], ['120', '2 hours'], ['180', '3 hours']];

const kindLabel = (kind) => KINDS.find(([k]) => k === kind)?.[1] ?? kind;
const nextSundayEvening = () => localDateTimeIn(daysToNextSunday());

function readable(naive) {
  return new Date(naive).toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

export function renderReminders(app) {
  const error = errorSlot('reminders-error');
  const list = h('div', { class: 'prompt-list', id: 'reminder-list' });
  const kept = h('p', { class: 'lede', id: 'kept-count' });
  const section = h('section', { 'aria-labelledby': 'reminders-title' });
  const editor = reminderEditor(refresh);

  const status = statusCard((told) => editor.setDefaultText(told.defaultText));
  const marks = togetherTimesCard(() => refresh());
  async function refresh() {
    showError(error, null);
    status.load();
    marks.load();
    try {
      const [reminders, keptCount] = await Promise.all([api.listReminders(), api.keptThisMonth()]);
      kept.textContent = keptCount > 0
        ? `Together-times kept this month: ${keptCount}. Lovely.`
        : 'Pick a regular time for the two of you, with the phones away.';
      list.replaceChildren(...reminders.map(card));
      if (!reminders.length) list.append(h('p', { class: 'card', text: 'No reminders yet.' }));
      snooze.show(reminders);
    } catch (err) {
      showError(error, err);
    }
  }

  function card(reminder) {
    const next = h('p', { class: 'hint', text: 'Next: …' });
    api.previewReminder(reminder).then((times) => {
      next.textContent = times.length ? `Next: ${readable(times[0])}` : 'No more dates to come.';
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

  const act = (pending) => changeThenRefresh(pending, refresh, error);
  const snooze = snoozeCard(app.params?.reminderIds ?? [], () => status.load());

  section.append(
    h('div', { class: 'title-row' },
      h('h1', { id: 'reminders-title', text: 'Reminders' }),
      h('button', { type: 'button', id: 'new-reminder', text: 'New reminder', onclick: () => editor.open(null) })),
    snooze.element, kept, status.element, editor.element, error, list, marks.element, deliveryCard());
  refresh();
  return section;
}

const SNOOZES = [['ten_minutes', 'In 10 minutes'], ['one_hour', 'In an hour'], ['tomorrow', 'Tomorrow']];

// Shown when a notification brought Hearth forward: which reminder it was, and "remind us again".
function snoozeCard(reminderIds, changed) {
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

function when(instant) {
  return new Date(instant).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

// The next reminder and "pause for today" (the tray offers the same).
// `told` hears each status: the editor takes the default notification text from it.
function statusCard(told) {
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
        ? `Reminders are paused until ${when(status.pausedUntil)}.`
        : status.next ? `Next reminder: ${when(status.next)}.` : 'No reminder coming up.';
      pause.textContent = paused ? 'Resume reminders' : 'Pause reminders today';
    } catch (err) {
      showError(error, err);
    }
  }
  pause.addEventListener('click', () => load(paused ? api.resumeReminders() : api.pauseRemindersToday()));
  return { element: card, load };
}

// Together-times of the last two weeks, to mark kept or skipped. Only kept ones are ever counted.
function togetherTimesCard(changed) {
  const list = h('ul', { class: 'history', id: 'together-times' });
  const error = errorSlot('together-times-error');
  const card = h('div', { class: 'card', 'aria-labelledby': 'together-times-title' },
    h('h2', { id: 'together-times-title', text: 'Recent together-times' }),
    h('p', { class: 'hint', text: 'Mark the ones you kept, if you like. Skipped ones are never counted against you.' }),
    list, error);
  async function load() {
    showError(error, null);
    try {
      const times = await api.recentTogetherTimes();
      card.hidden = times.length === 0;
      list.replaceChildren(...times.map((time) => {
        const mark = (outcome, label) => h('button', {
          type: 'button', class: 'quiet', text: label, 'aria-pressed': String(time.outcome === outcome),
          'data-mark': `${time.reminderId}@${time.occurrence}:${outcome}`,
          onclick: () => changeThenRefresh(api.recordTogetherTime(time.reminderId, time.occurrence, outcome), changed, error),
        });
        return h('li', {},
          h('span', { text: `${when(time.occurrence)} · ${time.title}` }),
          h('span', { class: 'actions start' }, mark('kept', 'We kept it'), mark('skipped', 'Skipped')));
      }));
    } catch (err) {
      showError(error, err);
    }
  }
  return { element: card, load };
}

// How reminders reach you: quiet hours, whether a wake list may be kept on disk, and the .ics file.
function deliveryCard() {
  const error = errorSlot('delivery-error');
  const quietOn = h('input', { id: 'quiet-on', type: 'checkbox' });
  const quietStart = h('input', { id: 'quiet-start', type: 'time', value: '22:00' });
  const quietEnd = h('input', { id: 'quiet-end', type: 'time', value: '07:00' });
  const onlyUnlocked = h('input', { id: 'only-unlocked', type: 'checkbox' });
  const saved = statusLine('delivery-status');
  const exported = statusLine('export-status');
  const form = h('form', { class: 'card', 'aria-labelledby': 'delivery-title' },
    h('h2', { id: 'delivery-title', text: 'How reminders reach you' }),
    h('label', { class: 'check' }, quietOn, ' Quiet hours: hold reminders and show them when these end'),
    h('div', { class: 'row' }, labelled('quiet-start', 'From', quietStart), labelled('quiet-end', 'Until', quietEnd)),
    h('label', { class: 'check' }, onlyUnlocked, ' Remind me only while Hearth is unlocked'),
    h('p', { class: 'hint', text: 'Otherwise Hearth keeps the next reminder times and their notification text (never titles) in a small file outside the encrypted vault, so reminders come while it is locked.' }),
    saved, error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', id: 'export-ics', text: 'Export to a calendar (.ics)',
        onclick: async () => {
          showError(error, null);
          exported.textContent = 'Choose where to save the file…';
          try {
            const path = await api.exportIcs();
            exported.textContent = path ? `Saved to ${path}. The file holds times and notification text, not titles.` : '';
          } catch (err) {
            exported.textContent = '';
            showError(error, err);
          }
        } }),
      h('button', { type: 'submit', class: 'primary', id: 'save-delivery', text: 'Save' })),
    exported);
  const syncQuiet = () => { quietStart.disabled = quietEnd.disabled = !quietOn.checked; };
  quietOn.addEventListener('change', syncQuiet);
  api.getReminderPrefs().then((prefs) => {
    quietOn.checked = Boolean(prefs.quiet);
    if (prefs.quiet) {
      quietStart.value = prefs.quiet.start.slice(0, 5);
      quietEnd.value = prefs.quiet.end.slice(0, 5);
    }
    onlyUnlocked.checked = prefs.onlyWhileUnlocked;
    syncQuiet();
  }).catch((err) => showError(error, err));
  onSubmit(form, error, 'Saving…', async () => {
    saved.textContent = '';
    await api.setReminderPrefs({
      quiet: quietOn.checked ? { start: `${quietStart.value}:00`, end: `${quietEnd.value}:00`, zone: systemZone() } : null,
      onlyWhileUnlocked: onlyUnlocked.checked,
    });
    saved.textContent = 'Saved.';
  });
  syncQuiet();
  return form;
}

// The editor: presets from the chosen date, the rule itself for those who want it, and the next
// five dates in local time, updated as you type.
function reminderEditor(saved) {
  let editing = null;
  // The core's words for a reminder with no text of its own, told by the status (see statusCard).
  let defaultText = '';
  const error = errorSlot('reminder-error');
  const kind = h('select', { id: 'rem-kind' }, options(KINDS, 'weekly_slot'));
  const start = h('input', { id: 'rem-start', type: 'datetime-local', required: true });
  const rule = h('input', { id: 'rem-rule', type: 'text', spellcheck: 'false', 'aria-describedby': 'rem-rule-hint' });
  const zone = h('input', { id: 'rem-zone', type: 'text', spellcheck: 'false' });
  const lead = h('select', { id: 'rem-lead' }, options(LEADS, '15'));
  const duration = h('select', { id: 'rem-duration' }, options(DURATIONS, '60'));
  const active = h('input', { id: 'rem-active', type: 'checkbox', checked: true });
  const preview = h('ol', { id: 'rem-preview', class: 'history', 'aria-live': 'polite' });
  const picker = repeatPicker((text) => { rule.value = text; showPreview(); });
  const form = h('form', { class: 'card editor', hidden: true, 'aria-labelledby': 'rem-title-heading' },
    h('h2', { id: 'rem-title-heading', text: 'New reminder' }),
    field({ id: 'rem-title', label: 'Title (only the two of you see it, inside Hearth)', maxlength: 120 }),
    h('div', { class: 'row' },
      labelled('rem-kind', 'Kind', kind),
      labelled('rem-start', 'First time', start)),
    picker.weekly, picker.monthly,
    h('div', { class: 'row' },
      labelled('rem-rule', 'Repeat rule', rule,
        h('p', { class: 'hint', id: 'rem-rule-hint', text: 'Set from the kind and the first time. You can write your own RRULE, for example FREQ=MONTHLY;BYDAY=1FR.' })),
      labelled('rem-zone', 'Time zone', zone)),
    h('div', { class: 'row' },
      labelled('rem-lead', 'Remind', lead),
      labelled('rem-duration', 'How long', duration)),
    field({ id: 'rem-text', label: 'Notification text (what a shared screen may show)', required: false, maxlength: 80 }),
    h('label', { class: 'check' }, active, ' Active'),
    h('h3', { text: 'The next five' }), preview,
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', text: 'Cancel', onclick: () => { form.hidden = true; } }),
      h('button', { type: 'submit', class: 'primary', id: 'rem-save', text: 'Save reminder' })));

  const draft = () => ({
    kind: kind.value,
    title: value('rem-title'),
    notificationText: value('rem-text') || null,
    rule: rule.value,
    zone: zone.value.trim(),
    startLocal: start.value.length === 16 ? `${start.value}:00` : start.value,
    leadMinutes: Number(lead.value),
    durationMinutes: Number(duration.value),
    active: active.checked,
  });

  let pending;
  function showPreview() {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      try {
        const times = await api.previewReminder(draft());
        preview.replaceChildren(...times.map((t) => h('li', { text: readable(t) })));
        showError(error, null);
      } catch (err) {
        preview.replaceChildren();
        showError(error, err);
      }
    }, 250);
  }

  async function applyPreset() {
    if (!start.value) return;
    try {
      rule.value = await api.presetRule(kind.value, draft().startLocal);
    } catch (err) {
      showError(error, err);
    }
    picker.show(kind.value, rule.value);
    showPreview();
  }

  kind.addEventListener('change', applyPreset);
  start.addEventListener('change', applyPreset);
  for (const control of [rule, zone]) control.addEventListener('input', showPreview);
  rule.addEventListener('input', () => picker.show(kind.value, rule.value));

  onSubmit(form, error, 'Saving…', async () => {
    if (editing) await api.updateReminder(editing.id, draft());
    else await api.createReminder(draft());
    form.hidden = true;
    await saved();
  });

  return {
    element: form,
    setDefaultText(text) {
      defaultText = text;
      form.querySelector('#rem-text').placeholder = text;
    },
    open(reminder) {
      editing = reminder;
      form.hidden = false;
      form.querySelector('#rem-title-heading').textContent = reminder ? 'Edit reminder' : 'New reminder';
      form.querySelector('#rem-title').value = reminder?.title ?? '';
      form.querySelector('#rem-text').value = reminder && reminder.notificationText !== defaultText ? reminder.notificationText : '';
      kind.value = reminder?.kind ?? 'weekly_slot';
      start.value = (reminder?.startLocal ?? nextSundayEvening()).slice(0, 16);
      zone.value = reminder?.zone ?? systemZone();
      lead.value = String(reminder?.leadMinutes ?? 15);
      duration.value = String(reminder?.durationMinutes ?? 60);
      active.checked = reminder?.active ?? true;
      if (reminder) {
        rule.value = reminder.rule;
        picker.show(kind.value, rule.value);
        showPreview();
      } else {
        applyPreset();
      }
      form.querySelector('#rem-title').focus();
    },
  };
}

const WEEKDAYS = [['MO', 'Mon'], ['TU', 'Tue'], ['WE', 'Wed'], ['TH', 'Thu'], ['FR', 'Fri'], ['SA', 'Sat'], ['SU', 'Sun']];
const ORDINALS = [['1', 'First'], ['2', 'Second'], ['3', 'Third'], ['4', 'Fourth'], ['-1', 'Last']];
const WEEKLY_KINDS = ['weekly_slot', 'appreciation'];

// A weekly picker (which days) and a monthly one (which weekday of the month) that write the rule,
// for those who would rather not write RRULE text.
function repeatPicker(setRule) {
  const days = WEEKDAYS.map(([code, label]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', id: `rem-day-${code}`, value: code }), ` ${label}`));
  const weekly = h('fieldset', { class: 'field', id: 'rem-weekly', hidden: true },
    h('legend', { text: 'Every week on' }), h('div', { class: 'actions start' }, days));
  const ordinal = h('select', { id: 'rem-ordinal' }, options(ORDINALS, '1'));
  const weekday = h('select', { id: 'rem-weekday' }, options(WEEKDAYS, 'FR'));
  const monthly = h('fieldset', { class: 'field', id: 'rem-monthly', hidden: true },
    h('legend', { text: 'Every month on the' }),
    h('div', { class: 'row' }, labelled('rem-ordinal', 'Which', ordinal), labelled('rem-weekday', 'Day', weekday)));
  const checked = () => days.map((d) => d.querySelector('input')).filter((box) => box.checked).map((box) => box.value);
  weekly.addEventListener('change', () => {
    if (checked().length) setRule(`FREQ=WEEKLY;BYDAY=${checked().join(',')}`);
  });
  monthly.addEventListener('change', () => setRule(`FREQ=MONTHLY;BYDAY=${ordinal.value}${weekday.value}`));
  return {
    weekly,
    monthly,
    show(kind, rule) {
      weekly.hidden = !WEEKLY_KINDS.includes(kind);
      monthly.hidden = kind !== 'monthly_date';
      const byday = /BYDAY=([^;]+)/.exec(rule)?.[1] ?? '';
      for (const day of days) {
        const box = day.querySelector('input');
        box.checked = byday.split(',').includes(box.value);
      }
      const nth = /^(-?\d)([A-Z]{2})$/.exec(byday);
      if (nth) {
        ordinal.value = nth[1];
        weekday.value = nth[2];
      }
    },
  };
}
