// What the journal list shows: tabs for where entries live (everything open, shared, and each
// unlocked partner's private space, marked with a padlock), a search, and tag and prompt menus.

import { api } from '../../api.js';
import { h, labelled, lockMark } from '../../dom.js';
import { options } from '../../prompt-meta.js';
import { fromKey, ownerOfKey, promptLabel } from './spaces.js';

const SEARCH_PAUSE_MS = 200;

// Tabs; arrow keys move between them, as tabs do. `onChange` hears the tab chosen.
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
    const next = buttons[(buttons.indexOf(document.activeElement) + step + buttons.length) % buttons.length];
    next.focus();
    select(next);
  });
  return { element, value: () => selected };
}

// Replaces a menu's choices, keeping what was chosen.
function refill(select, choices, none) {
  const chosen = select.value;
  select.replaceChildren(...options(choices, chosen, none));
}

// `onChange(tab)` hears every change: the tab chosen, or null when the search or a menu changed.
export function journalFilters(app, { here, together, onChange }) {
  const search = h('input', { id: 'journal-search', type: 'search', placeholder: 'Search your entries', 'aria-keyshortcuts': '/' });
  const tag = h('select', { id: 'journal-tag' }, options([], '', 'Any tag'));
  // Opened from a prompt, the list starts with that prompt's entries.
  const promptId = app.params?.promptId;
  const prompt = h('select', { id: 'journal-prompt' }, options(promptId ? [[promptId, 'This prompt']] : [], promptId ?? '', 'Any prompt'));
  const spaceTabs = tabs([['', together ? 'Everything open to you both' : 'Everything open', false], ['shared', 'Shared', false],
    ...here.map((p) => [`private-${p.id}`, `${p.name}'s private`, true])], onChange);
  let searching;
  search.addEventListener('input', () => {
    clearTimeout(searching);
    searching = setTimeout(() => onChange(null), SEARCH_PAUSE_MS);
  });
  app.signal.addEventListener('abort', () => clearTimeout(searching));
  for (const menu of [tag, prompt]) menu.addEventListener('change', () => onChange(null));
  return {
    tabs: spaceTabs.element,
    row: h('div', { class: 'row filters', 'data-search': 'journal-search' },
      labelled('journal-search', 'Search', search), labelled('journal-tag', 'Tag', tag), labelled('journal-prompt', 'Prompt', prompt)),
    query: () => (search.value.trim() ? search.value : ''),
    privateOwner: () => ownerOfKey(spaceTabs.value()),
    value: () => ({ space: spaceTabs.value() ? fromKey(spaceTabs.value()) : null, tag: tag.value || null, promptId: prompt.value || null }),
    refreshChoices() {
      api.entryTags().then((tags) => refill(tag, tags.map((t) => [t, `#${t}`]), 'Any tag')).catch(() => {});
      api.entryPrompts().then((prompts) => refill(prompt, prompts.map((p) => [p.id, promptLabel(p.text)]), 'Any prompt')).catch(() => {});
    },
  };
}
