// The reminder editor: presets from the chosen kind and date, the rule itself for those who want
// it, and the next five dates in local time, updated as you type.

import { api } from '../../api.js';
import { h, errorSlot, field, labelled, onSubmit, showError } from '../../dom.js';
import { options } from '../../prompt-meta.js';
import { daysToNextSunday, localDateTimeIn, momentText, systemZone } from '../../time.js';
import { repeatPicker } from './repeat-picker.js';

export const KINDS = [
  ['weekly_slot', 'Weekly together-time'],
  ['monthly_date', 'Monthly date night'],
  ['daily_prompt', 'Daily prompt nudge'],
  ['appreciation', 'Appreciation nudge'],
  ['one_off', 'One date'],
  ['yearly', 'Every year (an anniversary)'],
];
const LEADS = [['0', 'At the time'], ['5', '5 minutes before'], ['15', '15 minutes before'], ['60', 'An hour before']];
const DURATIONS = [['30', '30 minutes'], ['60', '1 hour'], ['90', '1½ hours'], ['120', '2 hours'], ['180', '3 hours']];
const PREVIEW_PAUSE_MS = 250;

const nextSundayEvening = () => localDateTimeIn(daysToNextSunday());

// A labelled input made by field(), and the input itself.
function fieldWithInput(props) {
  const block = field(props);
  return [block, block.querySelector('input')];
}

function editorFields() {
  const [titleBlock, title] = fieldWithInput({ id: 'rem-title', label: 'Title (only the two of you see it, inside Hearth)', maxlength: 120 });
  const [textBlock, text] = fieldWithInput({ id: 'rem-text', label: 'Notification text (what a shared screen may show)', required: false, maxlength: 80 });
  return {
    titleBlock, title, textBlock, text,
    kind: h('select', { id: 'rem-kind' }, options(KINDS, 'weekly_slot')),
    start: h('input', { id: 'rem-start', type: 'datetime-local', required: true }),
    rule: h('input', { id: 'rem-rule', type: 'text', spellcheck: 'false', 'aria-describedby': 'rem-rule-hint' }),
    zone: h('input', { id: 'rem-zone', type: 'text', spellcheck: 'false' }),
    lead: h('select', { id: 'rem-lead' }, options(LEADS, '15')),
    duration: h('select', { id: 'rem-duration' }, options(DURATIONS, '60')),
    active: h('input', { id: 'rem-active', type: 'checkbox', checked: true }),
    preview: h('ol', { id: 'rem-preview', class: 'history', 'aria-live': 'polite' }),
  };
}

function editorForm(f, picker, error) {
  const form = h('form', { class: 'card editor', hidden: true, 'aria-labelledby': 'rem-title-heading' },
    h('h2', { id: 'rem-title-heading', text: 'New reminder' }),
    f.titleBlock,
    h('div', { class: 'row' }, labelled('rem-kind', 'Kind', f.kind), labelled('rem-start', 'First time', f.start)),
    picker.weekly, picker.monthly,
    h('div', { class: 'row' },
      labelled('rem-rule', 'Repeat rule', f.rule,
        h('p', { class: 'hint', id: 'rem-rule-hint', text: 'Set from the kind and the first time. You can write your own RRULE, for example FREQ=MONTHLY;BYDAY=1FR.' })),
      labelled('rem-zone', 'Time zone', f.zone)),
    h('div', { class: 'row' }, labelled('rem-lead', 'Remind', f.lead), labelled('rem-duration', 'How long', f.duration)),
    f.textBlock,
    h('label', { class: 'check' }, f.active, ' Active'),
    h('h3', { text: 'The next five' }), f.preview,
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', text: 'Cancel', onclick: () => { form.hidden = true; } }),
      h('button', { type: 'submit', class: 'primary', id: 'rem-save', text: 'Save reminder' })));
  return form;
}

// The reminder as the core takes it.
function draftOf(f) {
  return {
    kind: f.kind.value,
    title: f.title.value,
    notificationText: f.text.value || null,
    rule: f.rule.value,
    zone: f.zone.value.trim(),
    startLocal: f.start.value.length === 16 ? `${f.start.value}:00` : f.start.value,
    leadMinutes: Number(f.lead.value),
    durationMinutes: Number(f.duration.value),
    active: f.active.checked,
  };
}

// Shows the next five dates a moment after the last change; a rule the core refuses shows why.
function previewer(f, error) {
  let pending;
  return () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      try {
        const times = await api.previewReminder(draftOf(f));
        f.preview.replaceChildren(...times.map((t) => h('li', { text: momentText(t) })));
        showError(error, null);
      } catch (err) {
        f.preview.replaceChildren();
        showError(error, err);
      }
    }, PREVIEW_PAUSE_MS);
  };
}

// Fills the fields from a reminder, or with a new one's defaults. A notification text equal to the
// core's default shows as the placeholder, not as text of the couple's own.
function fill(f, reminder, defaultText) {
  f.title.value = reminder?.title ?? '';
  f.text.value = reminder && reminder.notificationText !== defaultText ? reminder.notificationText : '';
  f.kind.value = reminder?.kind ?? 'weekly_slot';
  f.start.value = (reminder?.startLocal ?? nextSundayEvening()).slice(0, 16);
  f.zone.value = reminder?.zone ?? systemZone();
  f.lead.value = String(reminder?.leadMinutes ?? 15);
  f.duration.value = String(reminder?.durationMinutes ?? 60);
  f.active.checked = reminder?.active ?? true;
}

// `saved` runs after a save; setDefaultText takes the core's words for a reminder with no text of
// its own, told by the status (see statusCard).
export function reminderEditor(saved) {
  let editing = null;
  let defaultText = '';
  const f = editorFields();
  const error = errorSlot('reminder-error');
  const showPreview = previewer(f, error);
  const picker = repeatPicker((text) => { f.rule.value = text; showPreview(); });
  const form = editorForm(f, picker, error);
  async function applyPreset() {
    if (!f.start.value) return;
    try {
      f.rule.value = await api.presetRule(f.kind.value, draftOf(f).startLocal);
    } catch (err) {
      showError(error, err);
    }
    picker.show(f.kind.value, f.rule.value);
    showPreview();
  }
  f.kind.addEventListener('change', applyPreset);
  f.start.addEventListener('change', applyPreset);
  for (const control of [f.rule, f.zone]) control.addEventListener('input', showPreview);
  f.rule.addEventListener('input', () => picker.show(f.kind.value, f.rule.value));
  onSubmit(form, error, 'Saving…', async () => {
    if (editing) await api.updateReminder(editing.id, draftOf(f));
    else await api.createReminder(draftOf(f));
    form.hidden = true;
    await saved();
  });
  return {
    element: form,
    setDefaultText(text) {
      defaultText = text;
      f.text.placeholder = text;
    },
    open(reminder) {
      editing = reminder;
      form.hidden = false;
      form.querySelector('#rem-title-heading').textContent = reminder ? 'Edit reminder' : 'New reminder';
      fill(f, reminder, defaultText);
      if (reminder) {
        f.rule.value = reminder.rule;
        picker.show(f.kind.value, f.rule.value);
        showPreview();
      } else {
        applyPreset();
      }
      f.title.focus();
    },
  };
}
