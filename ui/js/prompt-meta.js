// Names for prompt categories, depths and kinds, and a card that shows one prompt.

import { h } from './dom.js';

export const CATEGORIES = {
  emotional: 'Emotional',
  physical_affection: 'Physical affection',
  sensual: 'Sensual and sexual',
  intellectual: 'Intellectual',
  spiritual: 'Spiritual and values',
  fun: 'Fun and experiences',
  appreciation: 'Appreciation and gratitude',
  trust: 'Trust and vulnerability',
  dreams: 'Dreams and future',
  memories: 'Memories and history',
  conflict: 'Conflict and repair',
};
export const DEPTHS = { light: 'Light', medium: 'Medium', deep: 'Deep' };
export const KINDS = { question: 'Question', activity: 'Activity', gesture: 'Gesture', reflection: 'Reflection' };

// The categories a couple may see: the sensual one only when both opted in.
export function visibleCategories(bothOptedIn) {
  return Object.entries(CATEGORIES).filter(([key]) => key !== 'sensual' || bothOptedIn);
}

export function describe(prompt) {
  return `${CATEGORIES[prompt.category]} · ${DEPTHS[prompt.depth]} · ${KINDS[prompt.kind]}`;
}

export function options(entries, selected, blank) {
  const list = blank ? [['', blank], ...entries] : entries;
  return list.map(([value, label]) => h('option', { value, text: label, selected: value === selected }));
}

export function promptCard(prompt, ...actions) {
  return h('article', { class: 'card prompt', 'data-prompt': prompt.id },
    h('p', { class: 'prompt-text', text: prompt.text }),
    h('p', { class: 'hint', text: describe(prompt) + (prompt.custom ? ' · Your own' : '') }),
    actions.length ? h('div', { class: 'actions start' }, actions) : null);
}
