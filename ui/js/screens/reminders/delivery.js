// How reminders reach you: quiet hours, whether a wake list may be kept on disk, and the .ics file.

import { api } from '../../api.js';
import { h, errorSlot, labelled, onSubmit, showError, statusLine } from '../../dom.js';
import { systemZone } from '../../time.js';

export function deliveryCard() {
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

