// Dreams and the bucket list: shared dreams, and personal ones a partner shares so the other can
// support them, each with an optional horizon and first steps. "We did it" puts a dream on the
// timeline with its day and a note.

import { api } from '../api.js';
import { h, changeThenRefresh, confirmInPlace, errorSlot, labelled, onSubmit, showError, value } from '../dom.js';
import { nameOf, otherPartner, unlockedPartners } from '../people.js';
import { options } from '../prompt-meta.js';
import { dayText, localDate } from '../time.js';

const HORIZONS = { this_year: 'This year', some_day: 'Some day' };

export function renderDreams(app) {
  const error = errorSlot('dreams-error');
  const ahead = h('div', { id: 'dreams-ahead' });
  const reached = h('div', { id: 'dreams-reached' });
  const refresh = () => api.listDreams().then((dreams) => {
    const open = dreams.filter((d) => !d.doneOn);
    const done = dreams.filter((d) => d.doneOn);
    ahead.replaceChildren(h('h2', { text: 'Ahead of us' }), ...(open.length
      ? open.map((d) => dreamCard(app, d, refresh, error))
      : [h('p', { class: 'hint', text: 'Nothing here yet. What would you love to do, see or become?' })]));
    reached.replaceChildren(...(done.length ? [h('h2', { text: 'Dreams come true' }), ...done.map((d) => dreamCard(app, d, refresh, error))] : []));
  }).catch((err) => showError(error, err));
  refresh();
  return h('section', { class: 'dreams', 'aria-labelledby': 'dreams-title' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'dreams-title', text: 'Dreams and bucket list' }),
      h('button', { type: 'button', id: 'dreams-story', text: 'Our story', onclick: () => app.go('story') })),
    h('p', { class: 'lede', text: 'Knowing each other\'s dreams, and having some together, gives the everyday a direction.' }),
    error, addForm(app, refresh), ahead, reached);
}

function addForm(app, refresh) {
  const whose = [['', 'Ours, together'], ...unlockedPartners(app.status).map((p) => [p.id, `${p.name}'s own, to support`])];
  const error = errorSlot('dream-error');
  const form = h('form', { class: 'card', 'aria-labelledby': 'dream-add-title' },
    h('h2', { id: 'dream-add-title', text: 'Add a dream' }),
    labelled('dream-name', 'The dream', h('input', { id: 'dream-name', type: 'text', maxlength: 120, required: true, autocomplete: 'off', 'data-autofocus': '' })),
    h('div', { class: 'row' },
      labelled('dream-whose', 'Whose dream', h('select', { id: 'dream-whose' }, options(whose, ''))),
      labelled('dream-horizon', 'When, roughly', h('select', { id: 'dream-horizon' }, options(Object.entries(HORIZONS), '', 'No rush to say')))),
    labelled('dream-steps', 'First steps (optional, one per line)', h('textarea', { id: 'dream-steps', rows: 3 })),
    error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: 'dream-save', text: 'Add the dream' })));
  onSubmit(form, error, 'Saving…', async () => {
    await api.addDream({
      owner: value('dream-whose') || null,
      title: value('dream-name'),
      horizon: value('dream-horizon') || null,
      firstSteps: value('dream-steps').split('\n'),
    });
    form.reset();
    await refresh();
  });
  return form;
}

function dreamCard(app, dream, refresh, error) {
  const { status } = app;
  const whose = dream.owner
    ? `${nameOf(status, dream.owner)}'s dream · ${otherPartner(status, dream.owner)?.name ?? ''}, you can help`
    : 'A shared dream';
  const when = dream.horizon ? ` · ${HORIZONS[dream.horizon]}` : '';
  const actions = h('div', { class: 'actions start' });
  if (dream.doneOn) {
    actions.append(h('button', { type: 'button', class: 'quiet', id: `dream-reopen-${dream.id}`, text: 'Not quite yet after all',
      onclick: () => changeThenRefresh(api.reopenDream(dream.id), refresh, error) }));
  } else {
    actions.append(
      h('button', { type: 'button', class: 'primary', id: `dream-done-${dream.id}`, text: 'We did it',
        onclick: () => reachInPlace(dream, actions, refresh) }),
      h('button', { type: 'button', class: 'quiet', id: `dream-remove-${dream.id}`, text: 'Remove',
        onclick: () => confirmInPlace(actions, {
          question: 'Remove this dream?', action: 'Remove', confirmId: `dream-remove-yes-${dream.id}`,
          onConfirm: () => changeThenRefresh(api.deleteDream(dream.id), refresh, error), onKeep: () => refresh(),
        }) }));
  }
  return h('article', { class: 'card dream', id: `dream-${dream.id}` },
    h('p', { class: 'prompt-text', text: dream.title }),
    h('p', { class: 'hint', text: dream.doneOn ? `Came true on ${dayText(dream.doneOn)}` : `${whose}${when}` }),
    dream.doneNote ? h('p', { text: dream.doneNote }) : null,
    !dream.doneOn && dream.firstSteps.length ? h('ul', { class: 'questions' }, dream.firstSteps.map((step) => h('li', { text: step }))) : null,
    actions);
}

// "We did it": the day (today unless said otherwise) and an optional note, in place.
function reachInPlace(dream, actions, refresh) {
  const id = `dream-reach-${dream.id}`;
  const day = h('input', { id: `${id}-day`, type: 'date', value: localDate(), max: localDate(), required: true });
  const note = h('input', { id: `${id}-note`, type: 'text', maxlength: 200, autocomplete: 'off' });
  const slot = errorSlot(`${id}-error`);
  const save = h('button', { type: 'button', class: 'primary', id: `${id}-save`, text: 'Put it on our timeline' });
  save.addEventListener('click', async () => {
    showError(slot, null);
    try {
      await api.reachDream(dream.id, day.value, note.value);
      await refresh();
    } catch (err) {
      showError(slot, err);
    }
  });
  actions.replaceChildren(h('div', { class: 'stack' },
    labelled(day.id, 'When', day), labelled(note.id, 'A note (optional)', note), slot,
    h('div', { class: 'actions start' }, save, h('button', { type: 'button', class: 'quiet', text: 'Not now', onclick: () => refresh() }))));
  day.focus();
}
