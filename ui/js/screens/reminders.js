// Reminders: together-time, date nights, nudges and dates to remember. Titles stay inside Hearth;
// the desktop notification only ever shows the discreet text.

import { api } from '../api.js';
import { h, field, errorSlot, showError, onSubmit, value, changeThenRefresh, confirmInPlace } from '../dom.js';
import { options } from '../prompt-meta.js';

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
const DEFAULT_TEXT = 'Time for the two of you';

const kindLabel = (kind) => KINDS.find(([k]) => k === kind)?.[1] ?? kind;
const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function nextSundayEvening() {
  const d = new Date();
  d.setDate(d.getDate() + ((7 - d.getDay()) % 7 || 7));
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T19:00`;
}

function readable(naive) {
  return new Date(naive).toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

export function renderReminders() {
  const error = errorSlot('reminders-error');
  const list = h('div', { class: 'prompt-list', id: 'reminder-list' });
  const kept = h('p', { class: 'lede', id: 'kept-count' });
  const section = h('section', { 'aria-labelledby': 'reminders-title' });
  const editor = reminderEditor(refresh);

  async function refresh() {
    showError(error, null);
    try {
      const [reminders, keptCount] = await Promise.all([api.listReminders(), api.keptThisMonth()]);
      kept.textContent = keptCount > 0
        ? `Together-times kept this month: ${keptCount}. Lovely.`
        : 'Pick a regular time for the two of you, with the phones away.';
      list.replaceChildren(...reminders.map(card));
      if (!reminders.length) list.append(h('p', { class: 'card', text: 'No reminders yet.' }));
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

  section.append(
    h('div', { class: 'title-row' },
      h('h1', { id: 'reminders-title', text: 'Reminders' }),
      h('button', { type: 'button', id: 'new-reminder', text: 'New reminder', onclick: () => editor.open(null) })),
    kept, editor.form, error, list);
  refresh();
  return section;
}

function labelled(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
}

// The editor: presets from the chosen date, the rule itself for those who want it, and the next
// five dates in local time, updated as you type.
function reminderEditor(saved) {
  let editing = null;
  const error = errorSlot('reminder-error');
  const kind = h('select', { id: 'rem-kind' }, options(KINDS, 'weekly_slot'));
  const start = h('input', { id: 'rem-start', type: 'datetime-local', required: true });
  const rule = h('input', { id: 'rem-rule', type: 'text', spellcheck: 'false', 'aria-describedby': 'rem-rule-hint' });
  const zone = h('input', { id: 'rem-zone', type: 'text', spellcheck: 'false' });
  const lead = h('select', { id: 'rem-lead' }, options(LEADS, '15'));
  const duration = h('select', { id: 'rem-duration' }, options(DURATIONS, '60'));
  const active = h('input', { id: 'rem-active', type: 'checkbox', checked: true });
  const preview = h('ol', { id: 'rem-preview', class: 'history', 'aria-live': 'polite' });
  const form = h('form', { class: 'card editor', hidden: true, 'aria-labelledby': 'rem-title-heading' },
    h('h2', { id: 'rem-title-heading', text: 'New reminder' }),
    field({ id: 'rem-title', label: 'Title (only the two of you see it, inside Hearth)', maxlength: 120 }),
    h('div', { class: 'row' },
      labelled('rem-kind', 'Kind', kind),
      labelled('rem-start', 'First time', start)),
    h('div', { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: 'rem-rule', text: 'Repeat rule' }), rule,
        h('p', { class: 'hint', id: 'rem-rule-hint', text: 'Set from the kind and the first time. You can write your own RRULE, for example FREQ=MONTHLY;BYDAY=1FR.' })),
      labelled('rem-zone', 'Time zone', zone)),
    h('div', { class: 'row' },
      labelled('rem-lead', 'Remind', lead),
      labelled('rem-duration', 'How long', duration)),
    field({ id: 'rem-text', label: 'Notification text (what a shared screen may show)', required: false, maxlength: 80, placeholder: DEFAULT_TEXT }),
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
    showPreview();
  }

  kind.addEventListener('change', applyPreset);
  start.addEventListener('change', applyPreset);
  for (const control of [rule, zone]) control.addEventListener('input', showPreview);

  onSubmit(form, error, 'Saving…', async () => {
    if (editing) await api.updateReminder(editing.id, draft());
    else await api.createReminder(draft());
    form.hidden = true;
    await saved();
  });

  return {
    form,
    open(reminder) {
      editing = reminder;
      form.hidden = false;
      form.querySelector('#rem-title-heading').textContent = reminder ? 'Edit reminder' : 'New reminder';
      form.querySelector('#rem-title').value = reminder?.title ?? '';
      form.querySelector('#rem-text').value = reminder && reminder.notificationText !== DEFAULT_TEXT ? reminder.notificationText : '';
      kind.value = reminder?.kind ?? 'weekly_slot';
      start.value = (reminder?.startLocal ?? nextSundayEvening()).slice(0, 16);
      zone.value = reminder?.zone ?? systemZone();
      lead.value = String(reminder?.leadMinutes ?? 15);
      duration.value = String(reminder?.durationMinutes ?? 60);
      active.checked = reminder?.active ?? true;
      if (reminder) {
        rule.value = reminder.rule;
        showPreview();
      } else {
        applyPreset();
      }
      form.querySelector('#rem-title').focus();
    },
  };
}
