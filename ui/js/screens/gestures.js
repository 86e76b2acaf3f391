// Gesture ideas: small acts of appreciation and gentle touch, by category. "Plan this" turns one into
// a one-off reminder at a time the couple picks; the notification stays discreet.

import { api } from '../api.js';
import { h, errorSlot, labelled, showError } from '../dom.js';
import { options } from '../prompt-meta.js';
import { systemZone, localDateTimeIn, momentText } from '../time.js';

export function renderGestures() {
  const error = errorSlot('gestures-error');
  const category = h('select', { id: 'gesture-category' }, options([], '', 'Every kind'));
  const list = h('div', { class: 'prompt-list', id: 'gesture-list' });
  let library = { categories: [], gestures: [] };
  const labelOf = (key) => library.categories.find((c) => c.key === key)?.label ?? key;
  const draw = () => {
    const shown = library.gestures.filter((g) => !category.value || g.category === category.value);
    list.replaceChildren(...shown.map((gesture) => gestureCard(gesture, labelOf)));
  };
  category.addEventListener('change', draw);
  api.listGestures().then((loaded) => {
    library = loaded;
    category.replaceChildren(...options(loaded.categories.map((c) => [c.key, c.label]), '', 'Every kind'));
    draw();
  }).catch((err) => showError(error, err));
  return h('section', { 'aria-labelledby': 'gestures-title' },
    h('h1', { id: 'gestures-title', text: 'Gestures' }),
    h('p', { class: 'lede', text: 'Small, ordinary ways to show care. None of them costs much; all of them add up. Pick one for this week, and plan it if that helps you remember.' }),
    h('div', { class: 'row filters' },
      labelled('gesture-category', 'Kind of gesture', category)),
    error, list);
}

function gestureCard(gesture, labelOf) {
  const actions = h('div', { class: 'actions start' },
    h('button', { type: 'button', id: `plan-${gesture.id}`, text: 'Plan this', onclick: () => plan(gesture, actions, labelOf) }));
  return h('article', { class: 'card prompt', 'data-gesture': gesture.id },
    h('p', { class: 'prompt-text', text: gesture.text }),
    h('p', { class: 'hint', text: labelOf(gesture.category) }),
    actions);
}

// A one-off reminder for the gesture, whose notification says only the discreet default.
async function remindOnce(gesture, whenLocal) {
  const startLocal = `${whenLocal}:00`;
  const rule = await api.presetRule('one_off', startLocal);
  await api.createReminder({
    kind: 'one_off', title: gesture.text, notificationText: null, rule, zone: systemZone(),
    startLocal, leadMinutes: 0, durationMinutes: 30, active: true,
  });
}

// Asks when, in place, then makes the reminder.
function plan(gesture, actions, labelOf) {
  const when = h('input', { type: 'datetime-local', id: `plan-when-${gesture.id}`, value: localDateTimeIn(1), required: true });
  const slot = errorSlot(`plan-error-${gesture.id}`);
  const save = h('button', { type: 'button', class: 'primary', id: `plan-save-${gesture.id}`, text: 'Remind me then' });
  save.addEventListener('click', async () => {
    showError(slot, null);
    try {
      await remindOnce(gesture, when.value);
      actions.replaceChildren(h('p', { class: 'hint', id: `planned-${gesture.id}`,
        text: `Planned for ${momentText(when.value)}. The reminder will only say "Time for the two of you".` }));
    } catch (err) {
      showError(slot, err);
    }
  });
  actions.replaceChildren(
    labelled(when.id, 'When', when),
    slot,
    h('div', { class: 'actions start' }, save,
      h('button', { type: 'button', class: 'quiet', text: 'Not now', onclick: () => actions.replaceWith(gestureCard(gesture, labelOf).lastChild) })));
  when.focus();
}
