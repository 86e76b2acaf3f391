// Two laptops: the shared space kept on both through a folder the couple's sync tool already
// shares. Starting here shows the one-time code the other laptop types (its own first screen has
// "Join from your other laptop"); once paired, when the other laptop was last heard from, and why
// reading it stopped, if it did. A new laptop is paired the same way from here; the one it replaces
// is then forgotten, so the folder is cleared again.

import { api, onSharedChanged } from '../api.js';
import { h, confirmInPlace, errorSlot, showError, statusLine } from '../dom.js';
import { nameOf } from '../people.js';
import { momentText } from '../time.js';

export function renderSync(app) {
  const section = h('section', { class: 'sync', 'aria-labelledby': 'sync-title' },
    h('h1', { id: 'sync-title', tabindex: '-1', text: 'Two laptops' }));
  const body = h('div', { id: 'sync-body' });
  const error = errorSlot('sync-error');
  section.append(body, error);
  const show = (status) => body.replaceChildren(status.folder ? pairedCard(app, status, show, error) : startCard(show, error));
  api.syncStatus().then(show, (err) => showError(error, err));
  // A pairing code on screen stays until Done; anything else shows what was just heard.
  onSharedChanged(app.signal, () => {
    if (!body.querySelector('#pairing-code')) refresh(show, error);
  });
  queueMicrotask(() => section.querySelector('#sync-title').focus());
  return section;
}

function startCard(show, error) {
  const chosen = h('p', { id: 'sync-folder', class: 'muted', text: 'No folder chosen yet.' });
  const start = h('button', { type: 'button', class: 'primary', id: 'sync-start', text: 'Start pairing', disabled: true });
  const card = h('div', { class: 'card' },
    h('h2', { text: 'Keep your shared space on both laptops' }),
    h('p', { text: 'Choose a folder your sync tool already shares between your two laptops: Syncthing, Nextcloud, Dropbox, iCloud, or a USB stick you carry. Hearth writes only encrypted files there and opens no connection itself; your sync tool carries them.' }),
    h('p', { text: 'Private spaces never leave the laptop they are on, and neither do passphrases.' }),
    chosen,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'sync-choose', text: 'Choose the folder…', onclick: async () => {
        showError(error, null);
        try {
          const folder = await api.chooseSyncFolder();
          if (folder) {
            chosen.textContent = `Folder: ${folder}`;
            start.disabled = false;
          }
        } catch (err) {
          showError(error, err);
        }
      } }),
      start));
  start.addEventListener('click', () => pair(card, show, error));
  return card;
}

// Writes a pairing file into the folder and shows its code in place of `card`.
async function pair(card, show, error) {
  showError(error, null);
  try {
    const pairing = await api.startSync();
    card.replaceWith(codeCard(pairing, show, error));
  } catch (err) {
    showError(error, err);
  }
}

// The code, large and in groups, shown only here: it never enters the folder.
function codeCard(pairing, show, error) {
  const card = h('div', { class: 'card pairing' },
    h('h2', { text: 'Type this code on the other laptop' }),
    h('p', { text: 'On the other laptop, open Hearth, choose "Join from your other laptop", choose the same shared folder, and type:' }),
    h('p', { class: 'pairing-code', id: 'pairing-code', text: pairing.code }),
    h('p', { class: 'muted', text: 'The code is shown only here and is not saved anywhere. Once the other laptop has joined, the pairing file leaves the folder by itself.' }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'sync-done', text: 'Done', onclick: () => refresh(show, error) })));
  return card;
}

function pairedCard(app, status, show, error) {
  const note = statusLine('sync-note');
  const lines = [h('p', { id: 'sync-folder', text: `Syncing through ${status.folder}` })];
  if (status.forgotten) {
    lines.push(h('p', { id: 'sync-forgotten', class: 'warning', role: 'status',
      text: 'The other laptop has forgotten this one, so the two no longer sync. Everything here stays here.' }));
  }
  if (status.pairingWaiting) {
    lines.push(h('div', { class: 'pairing-waiting' },
      h('p', { id: 'sync-waiting', text: 'Waiting for the other laptop to join with the code. Until it has, nothing is cleared from the folder.' }),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', class: 'quiet', id: 'sync-stop-pairing', text: 'Stop waiting',
          onclick: () => refresh(show, error, api.stopPairing()) }))));
  }
  for (const peer of status.peers) lines.push(peerLine(app, peer, show, error));
  if (!status.peers.length && !status.pairingWaiting) {
    lines.push(h('p', { text: 'Nothing from the other laptop yet.' }));
  }
  const card = h('div', { class: 'card' },
    h('h2', { text: 'Your shared space is on both laptops' }),
    ...lines, note,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'sync-now', text: 'Sync now', onclick: async () => {
        note.textContent = 'Syncing…';
        await refresh(show, error, api.syncNow());
      } }),
      h('button', { type: 'button', id: 'sync-pair-again', text: 'Pair a new laptop', onclick: () => pair(card, show, error) })));
  return card;
}

// The other laptop, by its owner's name once the joining laptop has said whose is which.
function peerLine(app, peer, show, error) {
  const laptop = peer.owner ? `${nameOf(app.status, peer.owner)}'s laptop` : 'the other laptop';
  const heard = peer.lastHeard ? `Last heard from ${laptop}: ${momentText(peer.lastHeard)}.` : `Not heard from ${laptop} yet.`;
  const line = h('div', { class: 'peer', 'data-device': peer.device }, h('p', { class: 'heard', text: heard }));
  if (peer.stopped?.kind === 'quarantined') {
    line.append(h('p', { class: 'warning', role: 'status',
      text: `A file from ${laptop} (number ${peer.stopped.seq}) was set aside and nothing from it on was used: ${peer.stopped.reason}` }));
  } else if (peer.stopped?.kind === 'forked') {
    line.append(h('p', { class: 'warning', role: 'status',
      text: `The files from ${laptop} disagree with what this laptop already has from it (from number ${peer.stopped.seq}). Nothing more from it was used. Restoring a backup on one laptop can cause this; pair the two again to go on.` }));
  }
  line.append(forgetActions(laptop, peer, show, error));
  return line;
}

// For a laptop that no longer syncs, such as one a new laptop replaced: while it is remembered,
// what both have read cannot leave the folder.
function forgetActions(laptop, peer, show, error) {
  const actions = h('div', { class: 'actions start' });
  const offer = () => actions.replaceChildren(h('button', { type: 'button', class: 'quiet forget', text: `Forget ${laptop}`,
    onclick: () => confirmInPlace(actions, {
      question: `Forget ${laptop}? Do this only for a laptop that no longer syncs. Both laptops stop waiting for it; what it wrote stays.`,
      action: 'Forget it',
      confirmId: 'sync-forget-confirm',
      onConfirm: () => refresh(show, error, api.forgetLaptop(peer.device)),
      onKeep: offer,
    }) }));
  offer();
  return actions;
}

async function refresh(show, error, pending = api.syncStatus()) {
  showError(error, null);
  try {
    show(await pending);
  } catch (err) {
    showError(error, err);
  }
}
