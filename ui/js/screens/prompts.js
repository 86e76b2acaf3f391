// Browse the prompt library: filter, search ("/" focuses it), favourites, "not for us", and the
// couple's own prompts.

import { api } from '../api.js';
import { h, changeThenRefresh, confirmInPlace, errorSlot, field, labelled, onSubmit, showError, statusLine, value } from '../dom.js';
import { DEPTHS, KINDS, OWN_KINDS, SPICES, isQuickChoice, visibleCategories, options, promptCard } from '../prompt-meta.js';

export function renderPrompts(app) {
  const error = errorSlot('prompts-error');
  const list = h('div', { class: 'prompt-list', id: 'prompt-list', 'aria-live': 'polite' });
  const count = statusLine('prompt-count', 'hint');
  const filters = promptFilters(app.signal, () => refresh());
  const editor = promptEditor(refresh);
  const screen = { app, editor, refresh, mark: (pending) => changeThenRefresh(pending, refresh, error) };
  // Answers can arrive out of order (a save's refresh, then a quick filter change): only the latest
  // asked for is shown.
  let asked = 0;
  async function refresh() {
    showError(error, null);
    const ask = ++asked;
    try {
      const prompts = await api.listPrompts(filters.value());
      if (ask !== asked) return;
      count.textContent = prompts.length === 1 ? '1 prompt' : `${prompts.length} prompts`;
      list.replaceChildren(...prompts.map((prompt) => libraryCard(screen, prompt)));
    } catch (err) {
      showError(error, err);
    }
  }
  api.consentStatus().then((consent) => {
    const categories = visibleCategories(consent.bothOptedIn);
    filters.setCategories(categories);
    editor.setCategories(categories);
    return refresh();
  }).catch((err) => showError(error, err));
  return h('section', { class: 'prompts', 'aria-labelledby': 'prompts-title', 'data-search': 'prompt-search' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'prompts-title', text: 'Prompts' }),
      h('button', { type: 'button', id: 'write-own', text: 'Write your own', onclick: () => editor.open(null) })),
    filters.element, editor.element, error, count, list);
}

// Category, depth, kind, a search, favourites only, and "not for us" shown or not. `changed` runs
// on every change (typing in the search waits a moment).
function promptFilters(signal, changed) {
  const category = h('select', { id: 'filter-category' });
  const depth = h('select', { id: 'filter-depth' }, options(Object.entries(DEPTHS), '', 'Any depth'));
  const kind = h('select', { id: 'filter-kind' }, options(Object.entries(KINDS), '', 'Any kind'));
  const search = h('input', { id: 'prompt-search', type: 'search', placeholder: 'Search (press /)', 'aria-keyshortcuts': '/' });
  const favourites = h('input', { id: 'filter-favourites', type: 'checkbox' });
  const hidden = h('input', { id: 'filter-hidden', type: 'checkbox' });
  const element = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter prompts' },
    labelled('filter-category', 'Category', category),
    labelled('filter-depth', 'Depth', depth),
    labelled('filter-kind', 'Kind', kind),
    labelled('prompt-search', 'Search', search),
    h('label', { class: 'check' }, favourites, ' Favourites only'),
    h('label', { class: 'check' }, hidden, ' Show "not for us"'));
  element.addEventListener('submit', (event) => event.preventDefault());
  for (const control of [category, depth, kind, favourites, hidden]) control.addEventListener('change', changed);
  let typing;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(changed, 200);
  });
  signal.addEventListener('abort', () => clearTimeout(typing));
  return {
    element,
    setCategories: (categories) => category.replaceChildren(...options(categories, '', 'All categories')),
    value: () => ({
      category: category.value || null,
      depth: depth.value || null,
      kind: kind.value || null,
      search: search.value || null,
      favouritesOnly: favourites.checked,
      includeHidden: hidden.checked,
    }),
  };
}

// One prompt of the library with its marks; the couple's own prompts can be edited and deleted
// (history keeps a deleted prompt's text).
function libraryCard({ app, editor, refresh, mark }, prompt) {
  const fav = h('button', { type: 'button', class: 'quiet', id: `fav-${prompt.id}`, 'aria-pressed': String(prompt.favourite),
    text: prompt.favourite ? '★ Favourite' : '☆ Favourite',
    onclick: () => mark(api.setFavourite(prompt.id, !prompt.favourite)) });
  const hide = h('button', { type: 'button', class: 'quiet', id: `hide-${prompt.id}`, 'aria-pressed': String(prompt.hidden),
    text: prompt.hidden ? 'Bring back' : 'Not for us',
    onclick: () => mark(api.setHidden(prompt.id, !prompt.hidden)) });
  const reveal = h('button', { type: 'button', class: 'quiet', text: 'Answer, then reveal',
    onclick: () => app.go('reveal', { prompt }) });
  const own = prompt.custom ? [
    h('button', { type: 'button', class: 'quiet', text: 'Edit', onclick: () => editor.open(prompt) }),
    h('button', { type: 'button', class: 'quiet', id: `delete-${prompt.id}`, text: 'Delete',
      onclick: (event) => confirmInPlace(event.target.closest('.prompt').querySelector('.actions'), {
        question: 'Delete this prompt? What you discussed stays in history.',
        confirmId: `confirm-delete-${prompt.id}`,
        onConfirm: () => mark(api.deletePrompt(prompt.id)),
        onKeep: () => refresh(),
      }) }),
  ] : [];
  return promptCard(prompt, fav, hide, reveal, ...own);
}

// The form for adding or editing one of the couple's own prompts. A quick choice gets its two
// choices, and a sensual prompt its spice level.
function promptEditor(saved) {
  let editing = null;
  const error = errorSlot('own-error');
  const category = h('select', { id: 'own-category' });
  const kind = h('select', { id: 'own-kind' }, options(Object.entries(OWN_KINDS), 'question'));
  const choices = h('div', { class: 'row', hidden: true },
    field({ id: 'own-first', label: 'First choice', required: false, maxlength: 80 }),
    field({ id: 'own-second', label: 'Second choice', required: false, maxlength: 80 }));
  const spice = labelled('own-spice', 'Spice', h('select', { id: 'own-spice' }, options(Object.entries(SPICES), 'mild')));
  const fit = () => {
    choices.hidden = !isQuickChoice(kind.value);
    spice.hidden = category.value !== 'sensual';
  };
  kind.addEventListener('change', fit);
  category.addEventListener('change', fit);
  const form = h('form', { class: 'card editor', hidden: true, 'aria-labelledby': 'own-title' },
    h('h2', { id: 'own-title', text: 'Your own prompt' }),
    field({ id: 'own-text', label: 'Prompt', hint: '10 to 220 characters. Questions and quick choices end with a question mark.', maxlength: 220 }),
    h('div', { class: 'row' },
      labelled('own-category', 'Category', category),
      labelled('own-depth', 'Depth', h('select', { id: 'own-depth' }, options(Object.entries(DEPTHS), 'light'))),
      labelled('own-kind', 'Kind', kind), spice),
    choices,
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', text: 'Cancel', onclick: () => { form.hidden = true; } }),
      h('button', { type: 'submit', class: 'primary', id: 'own-save', text: 'Save prompt' })));
  onSubmit(form, error, 'Saving…', async () => {
    const draft = { text: value('own-text'), category: value('own-category'), depth: value('own-depth'), kind: value('own-kind'),
      choices: isQuickChoice(kind.value) ? [value('own-first'), value('own-second')] : null,
      spice: category.value === 'sensual' ? value('own-spice') : null };
    if (editing) await api.updatePrompt(editing.id, draft);
    else await api.addPrompt(draft);
    form.hidden = true;
    await saved();
  });
  return {
    element: form,
    setCategories(entries) {
      category.replaceChildren(...options(entries, 'emotional'));
      fit();
    },
    open(prompt) {
      editing = prompt;
      form.hidden = false;
      form.querySelector('#own-text').value = prompt?.text ?? '';
      for (const key of ['category', 'depth', 'kind', 'spice']) {
        if (prompt?.[key]) form.querySelector(`#own-${key}`).value = prompt[key];
      }
      form.querySelector('#own-first').value = prompt?.choices?.[0] ?? '';
      form.querySelector('#own-second').value = prompt?.choices?.[1] ?? '';
      fit();
      form.querySelector('#own-title').textContent = prompt ? 'Edit your prompt' : 'Write your own prompt';
      form.querySelector('#own-text').focus();
    },
  };
}
