// The journal's list: a page of entries at a time, newest first, or the search's hits across the
// spaces that are open. A private space that is closed shows the card that opens it instead.

import { api } from '../../api.js';
import { h, showError } from '../../dom.js';
import { entryCard } from './entry-card.js';
import { closed } from './private.js';

export function entryList(view, filters, spaces) {
  const list = h('div', { class: 'prompt-list', id: 'entry-list', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'quiet', id: 'entries-more', text: 'Show older entries', hidden: true });
  const element = h('div', { role: 'tabpanel', 'aria-labelledby': 'journal-tab-all' }, list, more);
  let cursor = null;
  // Tabs, search and the other laptop can each ask for a reload while one is under way; only the
  // newest may draw, so a slow answer for an earlier tab never lands in this one's list.
  let generation = 0;
  const stale = (mine) => mine !== generation;
  // A reload the other laptop asked for while a card was asking or offering "Undo".
  let held = false;

  const showOpenCard = (owner) => {
    list.replaceChildren(spaces.openCard(owner, reload));
    more.hidden = true;
  };

  async function showHits(mine) {
    const hits = await api.searchEntries(filters.query());
    if (stale(mine)) return;
    list.replaceChildren(...hits.map((hit) => entryCard(view, hit.entry, hit.snippet)));
    if (!hits.length) list.append(h('p', { class: 'card', id: 'no-results', text: 'Nothing matches that.' }));
    more.hidden = true;
  }

  async function showNextPage(mine, first) {
    const page = await api.listEntries(filters.value(), cursor);
    if (stale(mine)) return;
    // The first page replaces the list only once it has arrived, so the list never stands empty.
    if (first) list.replaceChildren();
    list.append(...page.entries.map((entry) => entryCard(view, entry)));
    if (!list.children.length) list.append(h('p', { class: 'card', text: 'No entries yet. Write the first one.' }));
    cursor = page.next;
    more.hidden = !cursor;
  }

  async function loadPage(mine, first) {
    showError(view.error, null);
    const owner = filters.privateOwner();
    if (owner && !spaces.isOpen(owner)) {
      showOpenCard(owner);
      return;
    }
    try {
      await (filters.query() ? showHits(mine) : showNextPage(mine, first));
    } catch (err) {
      if (stale(mine)) return;
      if (err.kind === 'private_closed' && owner) {
        view.app.status = await api.status();
        showOpenCard(owner);
      } else {
        list.replaceChildren();
        more.hidden = true;
        showError(view.error, err);
      }
    }
  }

  async function reload() {
    generation += 1;
    const mine = generation;
    held = false;
    // Until the new list is drawn, the one showing is on its way out.
    list.setAttribute('aria-busy', 'true');
    try {
      // A space closed on leaving is closed before anything is listed again.
      await closed();
      // What an edit made at once on the other laptop replaced; none unless the two laptops sync.
      const revisions = await api.entryRevisions().catch(() => []);
      if (stale(mine)) return;
      view.revisions = revisions;
      cursor = null;
      await loadPage(mine, true);
      if (!stale(mine)) filters.refreshChoices();
    } finally {
      if (!stale(mine)) list.removeAttribute('aria-busy');
    }
  }

  // What the other laptop sent waits while a card asks "Delete this entry?" or offers "Undo", so
  // that it does not take the question or the offer away; it is listed once they are gone.
  function reloadWhenFree() {
    if (list.querySelector('.undo, .actions [role="alert"]')) held = true;
    else reload();
  }
  view.undoGone = () => {
    if (held) reload();
  };

  more.addEventListener('click', () => loadPage(generation, false));
  return { element, reload, reloadWhenFree };
}
