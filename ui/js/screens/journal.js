// The journal: entries in the shared space or one's private space, newest first a page at a time,
// filtered by space and tag, searched across the spaces that are open. The editor saves as you type
// (and before any lock); delete can be undone for 10 seconds. While the two sit together, each
// private space stays closed until its owner opens it with their passphrase; it closes again when
// the journal is left, and sharing or deleting from it asks for that passphrase each time.
//
// The screen's parts live in journal/: spaces (names and keys), filters (tabs, search, menus),
// list, entry-card, editor, and private (opening a private space while sitting together).

import { onSharedChanged } from '../api.js';
import { h, errorSlot, lockMark } from '../dom.js';
import { unlockedPartners, sittingTogether } from '../people.js';
import { entryEditor } from './journal/editor.js';
import { journalFilters } from './journal/filters.js';
import { entryList } from './journal/list.js';
import { privateSpaces } from './journal/private.js';

export { flushJournal } from './journal/editor.js';

export function renderJournal(app) {
  const here = unlockedPartners(app.status);
  const together = sittingTogether(app.status);
  // What the cards need from the screen; `editor` joins once it exists.
  const view = { app, here, together, error: errorSlot('journal-error'), reload: () => entries.reload() };
  const filters = journalFilters(app, {
    here,
    together,
    onChange: (tab) => {
      if (tab) entries.element.setAttribute('aria-labelledby', tab.id);
      entries.reload();
    },
  });
  const entries = entryList(view, filters, privateSpaces(app));
  view.editor = entryEditor(app, here, view.reload);
  const jointNote = together
    ? h('p', { class: 'hint', id: 'joint-note' }, lockMark(),
      'You are sitting together, so both private spaces stay closed. Choose a private tab to open your own with your passphrase.')
    : null;
  const section = h('section', { 'aria-labelledby': 'journal-title' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'journal-title', text: 'Journal' }),
      h('button', { type: 'button', id: 'new-entry', text: 'New entry', onclick: () => view.editor.open(null) })),
    view.editor.element, jointNote, filters.tabs, filters.row, view.error, entries.element);
  if (app.params?.newEntry) view.editor.open(null, app.params.newEntry);
  entries.reload();
  // What the other laptop sent shows at once, unless an entry is open in the editor.
  onSharedChanged(app.signal, () => {
    if (view.editor.element.hidden) entries.reloadWhenFree();
  });
  return section;
}
