// "Plan this": a time and how long before to be reminded. The plan becomes a one-off reminder
// that the reminders list, the notifications and the calendar export carry like any other.

import { api } from '../../api.js';
import { h, errorSlot, labelled, onSubmit, statusLine } from '../../dom.js';
import { options } from '../../prompt-meta.js';
import { localDateTimeIn, momentText, systemZone } from '../../time.js';

const LEADS = [['0', 'At the time'], ['15', '15 minutes before'], ['60', 'An hour before']];

export function planForm(app, idea, planned) {
  const error = errorSlot(`plan-error-${idea.id}`);
  const done = statusLine(`plan-status-${idea.id}`);
  // Ids carry the idea's, since more than one idea may have its form open.
  const when = h('input', { id: `plan-when-${idea.id}`, type: 'datetime-local', required: true, value: localDateTimeIn(7, 19) });
  const lead = h('select', { id: `plan-lead-${idea.id}` }, options(LEADS, '60'));
  const form = h('form', { class: 'plan-form', 'aria-label': `Plan ${idea.title}` },
    h('div', { class: 'row' }, labelled(when.id, 'When', when), labelled(lead.id, 'Remind you', lead)),
    error,
    h('div', { class: 'actions start' },
      h('button', { type: 'submit', class: 'primary', id: `plan-save-${idea.id}`, text: 'Plan it' })));
  onSubmit(form, error, 'Planning…', async () => {
    const plan = await api.planDate({ ideaId: idea.id, startLocal: `${when.value}:00`.slice(0, 19),
      zone: systemZone(), leadMinutes: Number(lead.value) });
    const see = h('button', { type: 'button', id: `plan-see-${idea.id}`, text: 'See it in Reminders', onclick: () => app.go('reminders') });
    form.replaceWith(h('div', { class: 'planned' }, done, h('div', { class: 'actions start' }, see)));
    done.textContent = `Planned for ${momentText(plan.startsAt)}. It is in your reminders.`;
    see.focus();
    planned();
  });
  queueMicrotask(() => when.focus());
  return form;
}
