// The journal: entries in the shared space or one's private space, newest first a page at a time,
// filtered by space and tag, searched across the spaces that are open. The editor saves as you type
// (and before any lock); delete can be undone for 10 seconds. While the two sit together, each
// private space stays closed until its owner opens it with their passphrase; it closes again when
// the journal is left, and sharing or deleting from it asks for that passphrase each time.

import { api } from '../api.js';
import { h, confirmInPlace, confirmWithPassphrase, errorSlot, field, labelled, lockMark, showError, statusLine } from '../dom.js';
import { options } from '../prompt-meta.js';
import { unlockedPartners, sittingTogether, nameOf } from '../people.js';
import { localDate } from '../time.js';

const MOODS = [['', 'No mood'], ['joyful', 'Joyful'], ['calm', 'Calm'], ['grateful', 'Grateful'], ['tender', 'Tender'],
  ['tired', 'Tired'], ['worried', 'Worried'], ['sad', 'Sad'], ['frustrated', 'Frustrated']];
const SHARED = { space: 'shared' };
const privateOf = (owner) => ({ space: 'private', owner });
const spaceKey = (space) => (space.space === 'shared' ? 'shared' : `private-${space.owner}`);
const fromKey = (key) => (key === 'shared' ? SHARED : privateOf(key.slice('private-'.length)));
const AUTOSAVE_MS = 800;
// The closing of private spaces opened on the last visit, which the next list waits for.
let closing = Promise.resolve();

// Saves still waiting in an editor, so a lock (Ctrl+L, the button) can finish them first.
const pendingSaves = new Set();
export async function flushJournal() {
  await Promise.allSettled([...pendingSaves].map((flush) => flush()));
}

function spaceLabel(app, space) {
  if (space.space === 'shared') return 'Shared';
  return `Private to ${nameOf(app.status, space.owner)}`;
}

function readableDate(date) {
  return new Date(`${date}T12:00:00`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
}

// A prompt's text, short enough for a menu; a prompt no longer shown still gets a name.
function promptLabel(text) {
  if (!text) return 'A prompt no longer shown';
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

// Tabs for where entries live: everything open, shared, and each unlocked partner's private
// space, marked with a padlock and the owner's name. Arrow keys move between them, as tabs do.
function tabs(choices, onChange) {
  let selected = '';
  const buttons = choices.map(([key, label, locked]) => h('button', {
    type: 'button', role: 'tab', class: 'tab', id: `journal-tab-${key || 'all'}`, 'data-key': key,
    'aria-selected': key === selected ? 'true' : 'false', tabindex: key === selected ? '0' : '-1',
  }, locked ? lockMark() : null, label));
  const select = (button) => {
    selected = button.dataset.key;
    for (const other of buttons) {
      const on = other === button;
      other.setAttribute('aria-selected', on ? 'true' : 'false');
      other.tabIndex = on ? 0 : -1;
    }
    onChange(button);
  };
  const element = h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Where entries live' }, buttons);
  element.addEventListener('click', (event) => {
    const button = event.target.closest('[role="tab"]');
    if (button) select(button);
  });
  element.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const at = buttons.indexOf(document.activeElement);
    const next = buttons[(at + step + buttons.length) % buttons.length];
    next.focus();
    select(next);
  });
  return { element, value: () => selected };
}

export function renderJournal(app) {
  const here = unlockedPartners(app.status);
  const together = sittingTogether(app.status);
  const isOpen = (owner) => app.status.partners.some((p) => p.id === owner && p.privateOpen);
  // Spaces opened on this visit close again when the journal is left.
  const opened = new Set();
  app.onLeave(() => {
    if (!opened.size) return;
    for (const partner of app.status.partners) if (opened.has(partner.id)) partner.privateOpen = false;
    closing = Promise.allSettled([...opened].map((owner) => api.closePrivate(owner)));
  });
  const error = errorSlot('journal-error');
  const list = h('div', { class: 'prompt-list', id: 'entry-list', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'quiet', id: 'entries-more', text: 'Show older entries', hidden: true });
  const search = h('input', { id: 'journal-search', type: 'search', placeholder: 'Search your entries', 'aria-keyshortcuts': '/' });
  const panel = h('div', { role: 'tabpanel', 'aria-labelledby': 'journal-tab-all' }, list, more);
  const spaceTabs = tabs([['', together ? 'Everything open to you both' : 'Everything open', false], ['shared', 'Shared', false],
    ...here.map((p) => [`private-${p.id}`, `${p.name}'s private`, true])], (tab) => {
    panel.setAttribute('aria-labelledby', tab.id);
    reload();
  });
  const tagFilter = h('select', { id: 'journal-tag' }, options([], '', 'Any tag'));
  // Opened from a prompt, the list starts with that prompt's entries.
  const promptFilter = h('select', { id: 'journal-prompt' },
    options(app.params?.promptId ? [[app.params.promptId, 'This prompt']] : [], app.params?.promptId ?? '', 'Any prompt'));
  const editor = entryEditor(app, here, () => reload());
  const jointNote = together
    ? h('p', { class: 'hint', id: 'joint-note' }, lockMark(),
      'You are sitting together, so both private spaces stay closed. Choose a private tab to open your own with your passphrase.')
    : null;
  let cursor = null;

  const filter = () => ({
    space: spaceTabs.value() ? fromKey(spaceTabs.value()) : null,
    tag: tagFilter.value || null,
    promptId: promptFilter.value || null,
  });

  async function reload() {
    // A space closed on leaving is closed before anything is listed again.
    await closing;
    cursor = null;
    list.replaceChildren();
    await loadPage();
    api.entryTags().then((tags) => {
      const chosen = tagFilter.value;
      tagFilter.replaceChildren(...options(tags.map((t) => [t, `#${t}`]), chosen, 'Any tag'));
    }).catch(() => {});
    api.entryPrompts().then((prompts) => {
      const chosen = promptFilter.value;
      promptFilter.replaceChildren(...options(prompts.map((p) => [p.id, promptLabel(p.text)]), chosen, 'Any prompt'));
    }).catch(() => {});
  }

  async function loadPage() {
    showError(error, null);
    const tab = spaceTabs.value();
    const owner = tab.startsWith('private-') ? tab.slice('private-'.length) : null;
    if (owner && !isOpen(owner)) {
      list.replaceChildren(openCard(owner));
      more.hidden = true;
      return;
    }
    try {
      if (search.value.trim()) {
        const hits = await api.searchEntries(search.value);
        list.replaceChildren(...hits.map((hit) => entryCard(hit.entry, hit.snippet)));
        if (!hits.length) list.append(h('p', { class: 'card', id: 'no-results', text: 'Nothing matches that.' }));
        more.hidden = true;
        return;
      }
      const page = await api.listEntries(filter(), cursor);
      list.append(...page.entries.map((entry) => entryCard(entry)));
      if (!list.children.length) list.append(h('p', { class: 'card', text: 'No entries yet. Write the first one.' }));
      cursor = page.next;
      more.hidden = !cursor;
    } catch (err) {
      if (err.kind === 'private_closed' && owner) {
        app.status = await api.status();
        list.replaceChildren(openCard(owner));
      } else {
        showError(error, err);
      }
    }
  }

  // A closed private space: only its owner's passphrase opens it, for this visit to the journal.
  function openCard(owner) {
    const name = nameOf(app.status, owner);
    const slot = errorSlot(`open-private-error-${owner}`);
    const form = h('form', { class: 'card narrow', id: `open-private-${owner}` },
      h('h2', {}, lockMark(), `${name}'s private space is closed`),
      h('p', { text: `While you sit together, nothing in it shows. ${name} can open it with their own passphrase. It closes again when you leave the Journal, or after five minutes without use.` }),
      field({ id: `open-pass-${owner}`, label: `${name}'s passphrase`, type: 'password', autocomplete: 'current-password' }),
      slot,
      h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: `open-private-submit-${owner}`, text: `Open ${name}'s space` })));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      showError(slot, null);
      try {
        app.status = await api.openPrivate(owner, form.querySelector('input').value);
        opened.add(owner);
        await reload();
      } catch (err) {
        showError(slot, err);
      }
    });
    return form;
  }

  // Sharing or deleting from a private space while the two sit together needs its owner's
  // passphrase at that moment; alone, the owner is at the keyboard already.
  function askOwner(entry, actions, { question, action, idPrefix, run }) {
    if (!together || entry.space.space !== 'private') {
      return false;
    }
    const name = nameOf(app.status, entry.space.owner);
    confirmWithPassphrase(actions, {
      question: `${question} This needs ${name}'s passphrase.`,
      label: `${name}'s passphrase`,
      idPrefix,
      action,
      onConfirm: run,
      onKeep: reload,
    });
    return true;
  }

  function entryCard(entry, snippet) {
    const body = snippet
      ? h('p', { class: 'entry-body' }, snippet.map((part) => (part.hit ? h('mark', { text: part.text }) : part.text)))
      : h('p', { class: 'entry-body', text: entry.body.length > 600 ? `${entry.body.slice(0, 600)}…` : entry.body });
    const actions = h('div', { class: 'actions start' },
      h('button', { type: 'button', class: 'quiet', text: 'Edit', onclick: () => editor.open(entry) }),
      entry.space.space === 'private' && here.length
        ? h('button', { type: 'button', class: 'quiet', id: `share-${entry.id}`, text: 'Share with both of us',
          onclick: () => confirmShare(entry, actions) })
        : null,
      h('button', { type: 'button', class: 'quiet', id: `delete-entry-${spaceKey(entry.space)}-${entry.id}`, text: 'Delete',
        onclick: () => askOwner(entry, actions, {
          question: 'Delete this entry?', action: 'Delete', idPrefix: `delete-${entry.id}`,
          run: (passphrase) => remove(entry, card, passphrase),
        }) || confirmInPlace(actions, {
          question: 'Delete this entry?',
          confirmId: `confirm-delete-entry-${entry.id}`,
          onConfirm: () => remove(entry, card).catch((err) => showError(error, err)),
          onKeep: reload,
        }) }));
    const meta = [readableDate(entry.date), spaceLabel(app, entry.space),
      entry.mood ? MOODS.find(([m]) => m === entry.mood)?.[1] : null,
      ...entry.tags.map((t) => `#${t}`)].filter(Boolean).join(' · ');
    const card = h('article', { class: 'card entry', 'data-entry': `${spaceKey(entry.space)}:${entry.id}` },
      entry.title ? h('h2', { class: 'entry-title', text: entry.title }) : null,
      h('p', { class: 'hint' }, entry.space.space === 'private' ? lockMark() : null, meta),
      body, actions);
    return card;
  }

  async function confirmShare(entry, actions) {
    const question = 'Move this entry into your shared space? Both of you will see it.';
    if (askOwner(entry, actions, {
      question, action: 'Share', idPrefix: `share-${entry.id}`,
      run: async (passphrase) => {
        await api.shareEntry(entry.space.owner, entry.id, passphrase);
        await reload();
      },
    })) return;
    confirmInPlace(actions, {
      question: 'Move this entry into your shared space? Both of you will see it.',
      confirmId: `confirm-share-${entry.id}`,
      onConfirm: async () => {
        try {
          await api.shareEntry(entry.space.owner, entry.id);
          await reload();
        } catch (err) {
          showError(error, err);
        }
      },
      onKeep: reload,
    });
    actions.querySelector(`#confirm-share-${entry.id}`).textContent = 'Share';
  }

  // Deleted at once, and for 10 seconds "Undo" brings it back; after that it is erased for good.
  async function remove(entry, card, passphrase = null) {
    await api.deleteEntry(entry.space, entry.id, passphrase);
    const undo = h('button', { type: 'button', class: 'primary', id: `undo-delete-${entry.id}`, text: 'Undo' });
    const notice = h('div', { class: 'card undo', role: 'status' },
      h('span', { text: 'Entry deleted. ' }), undo);
    card.replaceWith(notice);
    undo.focus();
    const timer = setTimeout(() => notice.remove(), 10_000);
    undo.addEventListener('click', async () => {
      clearTimeout(timer);
      try {
        await api.undoDeleteEntry(entry.space, entry.id);
        await reload();
      } catch (err) {
        notice.remove();
        showError(error, err);
      }
    });
  }

  let searching;
  search.addEventListener('input', () => {
    clearTimeout(searching);
    searching = setTimeout(reload, 200);
  });
  tagFilter.addEventListener('change', reload);
  promptFilter.addEventListener('change', reload);
  more.addEventListener('click', loadPage);

  const section = h('section', { 'aria-labelledby': 'journal-title' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'journal-title', text: 'Journal' }),
      h('button', { type: 'button', id: 'new-entry', text: 'New entry', onclick: () => editor.open(null) })),
    editor.element,
    jointNote,
    spaceTabs.element,
    h('div', { class: 'row filters', 'data-search': 'journal-search' },
      labelled('journal-search', 'Search', search),
      labelled('journal-tag', 'Tag', tagFilter),
      labelled('journal-prompt', 'Prompt', promptFilter)),
    error, panel);
  if (app.params?.newEntry) editor.open(null, app.params.newEntry);
  reload();
  return section;
}

// The editor saves a moment after you stop typing; the first save creates the entry.
function entryEditor(app, here, saved) {
  let entry = null;
  let timer = null;
  let saving = Promise.resolve();
  const error = errorSlot('entry-error');
  const status = statusLine('entry-status');
  const title = h('input', { id: 'entry-title', type: 'text', maxlength: 200, autocomplete: 'off' });
  const body = h('textarea', { id: 'entry-body', rows: 10, spellcheck: 'true' });
  const date = h('input', { id: 'entry-date', type: 'date' });
  const mood = h('select', { id: 'entry-mood' }, options(MOODS, ''));
  const tags = h('input', { id: 'entry-tags', type: 'text', autocomplete: 'off', 'aria-describedby': 'entry-tags-hint' });
  // Private spaces that can be written now: the one of a partner alone, or one its owner opened.
  const writable = () => here.filter((p) => app.status.partners.some((s) => s.id === p.id && s.privateOpen));
  const whereChoices = () => [...writable().map((p) => [`private-${p.id}`, `Private to ${p.name}`]), ['shared', 'Shared with both of us']];
  const where = h('select', { id: 'entry-space' }, options(whereChoices(), writable()[0] ? `private-${writable()[0].id}` : 'shared'));
  const author = h('select', { id: 'entry-author' }, options(here.map((p) => [p.id, p.name]), here[0]?.id));
  const form = h('form', { class: 'card editor', hidden: true, 'aria-labelledby': 'entry-heading' },
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
      h('button', { type: 'button', class: 'primary', id: 'entry-done', text: 'Done', onclick: () => close() })));

  const draft = () => ({
    title: title.value,
    body: body.value,
    date: date.value || localDate(),
    mood: mood.value || null,
    tags: tags.value.split(',').map((t) => t.trim()).filter(Boolean),
    promptId: entry?.promptId ?? (form.dataset.promptId || null),
    answerId: null,
  });

  async function save() {
    clearTimeout(timer);
    timer = null;
    pendingSaves.delete(flush);
    if (!title.value.trim() && !body.value.trim()) return;
    status.textContent = 'Saving…';
    showError(error, null);
    try {
      entry = entry
        ? await api.updateEntry(entry.space, entry.id, draft())
        : await api.createEntry(fromKey(where.value), author.value || here[0]?.id, draft());
      where.disabled = true;
      author.disabled = true;
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
  for (const control of [title, body, tags]) control.addEventListener('input', schedule);
  for (const control of [date, mood]) control.addEventListener('change', schedule);

  async function close() {
    await flush();
    if (error.textContent) return;
    form.hidden = true;
    await saved();
  }

  return {
    element: form,
    open(existing, preset = {}) {
      entry = existing;
      form.hidden = false;
      form.dataset.promptId = preset.promptId ?? '';
      form.querySelector('#entry-heading').textContent = existing ? 'Edit entry' : 'New entry';
      title.value = existing?.title ?? preset.title ?? '';
      body.value = existing?.body ?? preset.body ?? '';
      date.value = existing?.date ?? localDate();
      mood.value = existing?.mood ?? '';
      tags.value = (existing?.tags ?? []).join(', ');
      const mine = writable()[0];
      where.replaceChildren(...options(existing ? [[spaceKey(existing.space), spaceLabel(app, existing.space)]] : whereChoices(), ''));
      const wanted = existing ? spaceKey(existing.space) : preset.space ?? (mine ? `private-${mine.id}` : 'shared');
      where.value = [...where.options].some((o) => o.value === wanted) ? wanted : 'shared';
      where.disabled = Boolean(existing);
      author.disabled = Boolean(existing);
      status.textContent = existing ? 'Changes save as you type.' : '';
      (existing ? body : title).focus();
    },
  };
}
