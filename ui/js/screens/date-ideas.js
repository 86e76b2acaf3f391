// Date ideas: filter by cost, place, length and energy; "Plan this" picks a time and makes a
// one-off reminder for the two of you; after a date, a one-line memory joins your history.

import { api } from '../api.js';
import { h, errorSlot, labelled, showError, statusLine } from '../dom.js';
import { options } from '../prompt-meta.js';
import { planForm } from './dates/plan-form.js';
import { plansCard } from './dates/plans.js';

export const COSTS = { free: 'Free', low: 'Low cost', treat: 'A treat' };
export const PLACES = { home: 'At home', out: 'Out', apart: 'Far apart' };
export const LENGTHS = { short: 'Under an hour', evening: 'One to three hours', long: 'Half a day or more' };
export const ENERGIES = { quiet: 'Quiet', lively: 'Lively' };

const FILTERS = [['cost', 'Cost', COSTS, 'Any cost'], ['place', 'Where', PLACES, 'Anywhere'],
  ['length', 'How long', LENGTHS, 'Any length'], ['energy', 'Energy', ENERGIES, 'Any energy']];

export function renderDateIdeas(app) {
  const error = errorSlot('ideas-error');
  const count = statusLine('idea-count', 'hint');
  const list = h('div', { class: 'prompt-list', id: 'idea-list', 'aria-live': 'polite' });
  const plans = plansCard();
  const selects = Object.fromEntries(FILTERS.map(([key, , names, blank]) =>
    [key, h('select', { id: `idea-${key}` }, options(Object.entries(names), '', blank))]));
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter date ideas' },
    FILTERS.map(([key, label]) => labelled(`idea-${key}`, label, selects[key])));
  filters.addEventListener('submit', (event) => event.preventDefault());
  filters.addEventListener('change', refresh);

  async function refresh() {
    showError(error, null);
    try {
      const filter = Object.fromEntries(Object.entries(selects).map(([key, select]) => [key, select.value || null]));
      const ideas = await api.listDateIdeas(filter);
      count.textContent = ideas.length === 1 ? '1 idea' : `${ideas.length} ideas`;
      list.replaceChildren(...ideas.map((idea) => ideaCard(app, idea, plans.load)));
      if (!ideas.length) list.append(h('p', { class: 'card', text: 'No idea has all of those. Loosen one of the filters.' }));
    } catch (err) {
      showError(error, err);
    }
  }
  refresh();
  plans.load();
  return h('section', { 'aria-labelledby': 'ideas-title' },
    h('div', { class: 'title-row' },
      h('h1', { id: 'ideas-title', text: 'Date ideas' }),
      h('button', { type: 'button', id: 'ideas-back', text: 'Back to Date night', onclick: () => app.go('date-night') })),
    h('p', { class: 'lede', text: 'Plan one, and Hearth reminds you both like any other together-time.' }),
    filters, error, count, list, plans.element);
}

export function tagsOf(idea) {
  const hours = idea.minutes < 60 ? `${idea.minutes} minutes` : `about ${Math.round(idea.minutes / 30) / 2} hours`;
  return `${COSTS[idea.cost]} · ${PLACES[idea.place]} · ${hours} · ${ENERGIES[idea.energy]}`;
}

function ideaCard(app, idea, planned) {
  const card = h('article', { class: 'card prompt idea', 'data-idea': idea.id },
    h('h2', { class: 'idea-title', text: idea.title }),
    h('p', { text: idea.details }),
    h('p', { class: 'hint', text: tagsOf(idea) }));
  const actions = h('div', { class: 'actions start' },
    h('button', { type: 'button', id: `plan-${idea.id}`, text: 'Plan this',
      onclick: () => actions.replaceWith(planForm(app, idea, planned)) }));
  card.append(actions);
  return card;
}
