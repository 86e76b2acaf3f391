// Names for prompt categories, depths, kinds, levels and spice, and a card that shows one prompt.

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
// The kinds the couple can write; wildcards are Hearth's own.
export const OWN_KINDS = {
  question: 'Question',
  activity: 'Activity',
  gesture: 'Gesture',
  reflection: 'Reflection',
  this_or_that: 'This or that',
  would_you_rather: 'Would you rather',
};
export const KINDS = { ...OWN_KINDS, wildcard: 'Wildcard' };
export const LEVELS = { gentle: 'Gentle', closer: 'Closer', deepest: 'Deepest' };
export const SPICES = { mild: 'Mild', warm: 'Warm', hot: 'Hot' };

export const isQuickChoice = (kind) => kind === 'this_or_that' || kind === 'would_you_rather';

// The categories a couple may see: the sensual one only when both opted in.
export function visibleCategories(bothOptedIn) {
  return Object.entries(CATEGORIES).filter(([key]) => key !== 'sensual' || bothOptedIn);
}

export function describe(prompt) {
  if (prompt.kind === 'wildcard') return 'Wildcard: something different for a moment';
  const spice = prompt.spice ? ` · ${SPICES[prompt.spice]}` : '';
  return `${CATEGORIES[prompt.category]} · ${DEPTHS[prompt.depth]} · ${KINDS[prompt.kind]}${spice}`;
}

export function options(entries, selected, blank) {
  const list = blank ? [['', blank], ...entries] : entries;
  return list.map(([value, label]) => h('option', { value, text: label, selected: value === selected }));
}

export function promptCard(prompt, ...actions) {
  return h('article', { class: `card prompt${prompt.kind === 'wildcard' ? ' wildcard' : ''}`, 'data-prompt': prompt.id },
    h('p', { class: 'prompt-text', text: prompt.text }),
    prompt.choices ? h('p', { class: 'choices', text: `${prompt.choices[0]}  or  ${prompt.choices[1]}` }) : null,
    h('p', { class: 'hint', text: describe(prompt) + (prompt.custom ? ' · Your own' : '') }),
    actions.length ? h('div', { class: 'actions start' }, actions) : null);
}
