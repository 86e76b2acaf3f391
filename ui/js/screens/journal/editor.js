// The entry editor. It saves a moment after you stop typing, and the first save creates the entry;
// a lock (Ctrl+L, the button) first finishes any save still waiting, through flushJournal.

import { api } from '../../api.js';
import { h, errorSlot, labelled, showError, statusLine } from '../../dom.js';
import { options } from '../../prompt-meta.js';
import { localDate } from '../../time.js';
import { MOODS, fromKey, spaceKey, spaceLabel } from './spaces.js';

const AUTOSAVE_MS = 800;

// Saves still waiting in an editor.
const pendingSaves = new Set();
export async function flushJournal() {
  await Promise.allSettled([...pendingSaves].map((flush) => flush()));
}

// Private spaces that can be written now: the one of a partner alone, or one its owner opened.
function writable(app, here) {
  return here.filter((p) => app.status.partners.some((s) => s.id === p.id && s.privateOpen));
}

function whereChoices(app, here) {
  return [...writable(app, here).map((p) => [`private-${p.id}`, `Private to ${p.name}`]), ['shared', 'Shared with both of us']];
}

function editorFields(app, here) {
  const mine = writable(app, here)[0];
  return {
    title: h('input', { id: 'entry-title', type: 'text', maxlength: 200, autocomplete: 'off' }),
    body: h('textarea', { id: 'entry-body', rows: 10, spellcheck: 'true' }),
    date: h('input', { id: 'entry-date', type: 'date' }),
    mood: h('select', { id: 'entry-mood' }, options(MOODS, '')),
    tags: h('input', { id: 'entry-tags', type: 'text', autocomplete: 'off', 'aria-describedby': 'entry-tags-hint' }),
    where: h('select', { id: 'entry-space' }, options(whereChoices(app, here), mine ? `private-${mine.id}` : 'shared')),
    author: h('select', { id: 'entry-author' }, options(here.map((p) => [p.id, p.name]), here[0]?.id)),
  };
}

function editorForm(fields, here, status, error, onDone) {
  const { title, body, date, mood, tags, where, author } = fields;
  return h('form', { class: 'card editor', hidden: true, 'aria-labelledby': 'entry-heading' },
    h('h2', { id: 'entry-heading', text: 'New entry' }),
    h('div', { class: 'row' }, labelled('entry-space', 'Where it lives', where),
      here.length > 1 ? labelled('entry-author', 'Written by', author) : null),
    labelled('entry-title', 'Title (optional)', title),
    labelled('entry-body', 'Entry', body),
    h('div', { class: 'row' }, labelled('entry-date', 'Date', date), labelled('entry-mood', 'Mood', mood),
      labelled('entry-tags', 'Tags', tags,
        h('p', { class: 'hint', id: 'entry-tags-hint', text: 'Separate tags with commas.' }))),
    status, error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'entry-done', text: 'Done', onclick: onDone })));
}

// What the fields hold, as the core takes it; an empty date is today's, in local time.
function draftOf(fields, promptId) {
  return {
    title: fields.title.value,
    body: fields.body.value,
    date: fields.date.value || localDate(),
    mood: fields.mood.value || null,
    tags: fields.tags.value.split(',').map((t) => t.trim()).filter(Boolean),
    promptId,
    answerId: null,
  };
}

// Saves the entry being edited a moment after the last keystroke, one save at a time.
function autosaver(fields, { here, form, status, error }) {
  let entry = null;
  let timer = null;
  let saving = Promise.resolve();
  async function save() {
    clearTimeout(timer);
    timer = null;
    pendingSaves.delete(flush);
    if (!fields.title.value.trim() && !fields.body.value.trim()) return;
    status.textContent = 'Saving…';
    showError(error, null);
    const draft = draftOf(fields, entry?.promptId ?? (form.dataset.promptId || null));
    try {
      entry = entry
        ? await api.updateEntry(entry.space, entry.id, draft)
        : await api.createEntry(fromKey(fields.where.value), fields.author.value || here[0]?.id, draft);
      fields.where.disabled = true;
      fields.author.disabled = true;
      status.textContent = 'Saved.';
    } catch (err) {
      status.textContent = '';
      showError(error, err);
    }
  }
  function flush() {
    saving = saving.then(save);
    return saving;
  }
  function schedule() {
    status.textContent = '';
    clearTimeout(timer);
    pendingSaves.add(flush);
    timer = setTimeout(flush, AUTOSAVE_MS);
  }
  for (const control of [fields.title, fields.body, fields.tags]) control.addEventListener('input', schedule);
  for (const control of [fields.date, fields.mood]) control.addEventListener('change', schedule);
  return { flush, edit: (existing) => { entry = existing; } };
}

// Fills the fields from an entry, or for a new one from `preset` (a prompt's title, say).
function fill(app, here, fields, existing, preset) {
  const { title, body, date, mood, tags, where, author } = fields;
  title.value = existing?.title ?? preset.title ?? '';
  body.value = existing?.body ?? preset.body ?? '';
  date.value = existing?.date ?? localDate();
  mood.value = existing?.mood ?? '';
  tags.value = (existing?.tags ?? []).join(', ');
  const mine = writable(app, here)[0];
  where.replaceChildren(...options(existing ? [[spaceKey(existing.space), spaceLabel(app.status, existing.space)]] : whereChoices(app, here), ''));
  const wanted = existing ? spaceKey(existing.space) : preset.space ?? (mine ? `private-${mine.id}` : 'shared');
  where.value = [...where.options].some((o) => o.value === wanted) ? wanted : 'shared';
  where.disabled = Boolean(existing);
  author.disabled = Boolean(existing);
}

// `saved` runs when the editor closes with everything saved.
export function entryEditor(app, here, saved) {
  const fields = editorFields(app, here);
  const error = errorSlot('entry-error');
  const status = statusLine('entry-status');
  const form = editorForm(fields, here, status, error, () => close());
  const saver = autosaver(fields, { here, form, status, error });
  async function close() {
    await saver.flush();
    if (error.textContent) return;
    form.hidden = true;
    await saved();
  }
  return {
    element: form,
    open(existing, preset = {}) {
      saver.edit(existing);
      form.hidden = false;
      form.dataset.promptId = preset.promptId ?? '';
      form.querySelector('#entry-heading').textContent = existing ? 'Edit entry' : 'New entry';
      fill(app, here, fields, existing, preset);
      status.textContent = existing ? 'Changes save as you type.' : '';
      (existing ? fields.body : fields.title).focus();
    },
  };
}
