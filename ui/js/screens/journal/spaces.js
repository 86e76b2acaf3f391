// Where a journal entry lives, and the words for it: the shared space, or one partner's private
// space. A space travels as { space: 'shared' } or { space: 'private', owner }, and as a key
// ('shared', 'private-<id>') in tabs, menus and element ids.

import { nameOf } from '../../people.js';

export const MOODS = [['', 'No mood'], ['joyful', 'Joyful'], ['calm', 'Calm'], ['grateful', 'Grateful'], ['tender', 'Tender'],
  ['tired', 'Tired'], ['worried', 'Worried'], ['sad', 'Sad'], ['frustrated', 'Frustrated']];

export const moodLabel = (mood) => (mood ? MOODS.find(([m]) => m === mood)?.[1] ?? null : null);

const SHARED = { space: 'shared' };
const PRIVATE = 'private-';

export const spaceKey = (space) => (space.space === 'shared' ? 'shared' : `${PRIVATE}${space.owner}`);
export const fromKey = (key) => (key === 'shared' ? SHARED : { space: 'private', owner: key.slice(PRIVATE.length) });

// The owner of a private space's key; null for 'shared' and for '' (everything open).
export const ownerOfKey = (key) => (key.startsWith(PRIVATE) ? key.slice(PRIVATE.length) : null);

export function spaceLabel(status, space) {
  if (space.space === 'shared') return 'Shared';
  return `Private to ${nameOf(status, space.owner)}`;
}

// A prompt's text, short enough for a menu; a prompt no longer shown still gets a name.
export function promptLabel(text) {
  if (!text) return 'A prompt no longer shown';
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}
