// One entry in the list, with Edit, Share (from a private space) and Delete. Delete can be undone
// for 10 seconds; after that the entry is erased for good. While the two sit together, sharing or
// deleting from a private space asks for its owner's passphrase at that moment; alone, the owner
// is at the keyboard already.
//
// `view` is what the journal screen lends its cards: { app, here, together, error, editor, reload,
// revisions }.

import { api } from '../../api.js';
import { h, confirmInPlace, confirmWithPassphrase, lockMark, showError } from '../../dom.js';
import { nameOf } from '../../people.js';
import { dayText } from '../../time.js';
import { moodLabel, spaceKey, spaceLabel } from './spaces.js';

const PREVIEW_CHARS = 600;
const UNDO_MS = 10_000;

export function entryCard(view, entry, snippet) {
  const isPrivate = entry.space.space === 'private';
  const meta = [dayText(entry.date), spaceLabel(view.app.status, entry.space), moodLabel(entry.mood),
    ...entry.tags.map((t) => `#${t}`)].filter(Boolean).join(' · ');
  const actions = h('div', { class: 'actions start' });
  const card = h('article', { class: 'card entry', 'data-entry': `${spaceKey(entry.space)}:${entry.id}` },
    entry.title ? h('h2', { class: 'entry-title', text: entry.title }) : null,
    h('p', { class: 'hint' }, isPrivate ? lockMark() : null, meta),
    entryBody(entry, snippet), revisionNote(view, entry), actions);
  const ask = (question, { action, idPrefix, confirmId, run }) => () => confirmThen(view, entry, actions,
    { question, action, idPrefix, confirmId, run });
  actions.append(
    h('button', { type: 'button', class: 'quiet', text: 'Edit', onclick: () => view.editor.open(entry) }),
    isPrivate && view.here.length
      ? h('button', { type: 'button', class: 'quiet', id: `share-${entry.id}`, text: 'Share with both of us',
        onclick: ask('Move this entry into your shared space? Both of you will see it.', {
          action: 'Share', idPrefix: `share-${entry.id}`, confirmId: `confirm-share-${entry.id}`,
          run: (passphrase) => share(view, entry, passphrase),
        }) })
      : null,
    h('button', { type: 'button', class: 'quiet', id: `delete-entry-${spaceKey(entry.space)}-${entry.id}`, text: 'Delete',
      onclick: ask('Delete this entry?', {
        action: 'Delete', idPrefix: `delete-${entry.id}`, confirmId: `confirm-delete-entry-${entry.id}`,
        run: (passphrase) => remove(view, entry, card, passphrase),
      }) }));
  return card;
}

// The search's snippet with its hits marked, or the start of the entry.
function entryBody(entry, snippet) {
  if (snippet) {
    return h('p', { class: 'entry-body' }, snippet.map((part) => (part.hit ? h('mark', { text: part.text }) : part.text)));
  }
  const text = entry.body.length > PREVIEW_CHARS ? `${entry.body.slice(0, PREVIEW_CHARS)}…` : entry.body;
  return h('p', { class: 'entry-body', text });
}

// A shared entry both laptops edited at once: the later edit shows, and what it replaced is one
// click (or Enter) away, named by whose laptop wrote it. Nothing the other wrote is hidden for good.
function revisionNote(view, entry) {
  if (entry.space.space !== 'shared') return null;
  const kept = (view.revisions || []).filter((revision) => revision.row === entry.id);
  if (!kept.length) return null;
  const authors = [...new Set(kept.map((revision) => revision.by))];
  const whose = authors.length === 1 && authors[0] ? `${nameOf(view.app.status, authors[0])}'s version` : 'the other versions';
  return h('details', { class: 'revision', id: `revision-${entry.id}` },
    h('summary', { text: `You both edited this: see ${whose}` }),
    ...kept.map((revision) => h('p', { class: 'revision-text', text: revisionText(revision) })));
}

const REVISED_FIELDS = { title: 'Title', entry_date: 'Date', mood: 'Mood', tags: 'Tags' };

function revisionText(revision) {
  const value = typeof revision.value === 'string' ? revision.value : JSON.stringify(revision.value);
  if (revision.field === 'body') return value;
  return `${REVISED_FIELDS[revision.field] || revision.field}: ${value}`;
}

// "Are you sure?" in the card's row of actions; from a private space while the two sit together,
// with a field for its owner's passphrase. `run` gets that passphrase, or null.
function confirmThen(view, entry, actions, { question, action, idPrefix, confirmId, run }) {
  if (view.together && entry.space.space === 'private') {
    const name = nameOf(view.app.status, entry.space.owner);
    confirmWithPassphrase(actions, {
      question: `${question} This needs ${name}'s passphrase.`,
      label: `${name}'s passphrase`,
      idPrefix,
      action,
      onConfirm: run,
      onKeep: view.reload,
    });
    return;
  }
  confirmInPlace(actions, {
    question,
    action,
    confirmId,
    onConfirm: () => run(null).catch((err) => showError(view.error, err)),
    onKeep: view.reload,
  });
}

async function share(view, entry, passphrase) {
  await api.shareEntry(entry.space.owner, entry.id, passphrase);
  await view.reload();
}

// Deleted at once, and for 10 seconds "Undo" brings it back.
async function remove(view, entry, card, passphrase) {
  await api.deleteEntry(entry.space, entry.id, passphrase);
  const undo = h('button', { type: 'button', class: 'primary', id: `undo-delete-${entry.id}`, text: 'Undo' });
  const notice = h('div', { class: 'card undo', role: 'status' }, h('span', { text: 'Entry deleted. ' }), undo);
  card.replaceWith(notice);
  undo.focus();
  const timer = setTimeout(() => {
    notice.remove();
    view.undoGone?.();
  }, UNDO_MS);
  undo.addEventListener('click', async () => {
    clearTimeout(timer);
    try {
      await api.undoDeleteEntry(entry.space, entry.id);
      await view.reload();
    } catch (err) {
      notice.remove();
      showError(view.error, err);
    }
  });
}
