// The app controller: asks the Rust side what state the vaults are in and shows the matching
// screen. Also the app-wide keys (Ctrl+L locks, Ctrl+W closes to the tray, Ctrl+1 to Ctrl+9 and
// Ctrl+, go to the rail's screens), the activity pings that keep auto-lock away, and requests from
// a notification or the tray to show the reminders.

import { api, onAutoLock, onOpenReminders, onVaultDamaged, setFullscreen, closeWindow } from './api.js';
import { h } from './dom.js';
import { renderSetup } from './screens/setup.js';
import { renderLock } from './screens/lock.js';
import { renderShell, screenForKey } from './screens/shell.js';
import { renderTogether } from './screens/together.js';
import { renderLoveMaps } from './screens/love-maps.js';
import { renderStillTrue } from './screens/still-true.js';
import { renderQuickChoices } from './screens/quick-choices.js';
import { renderExchangeReveal } from './screens/exchange-reveal.js';
import { flushJournal } from './screens/journal.js';

const root = document.getElementById('app');

// The together-mode rounds: each fills the window, for two people on the couch.
const FULL_SCREEN = {
  together: renderTogether,
  'love-maps': renderLoveMaps,
  'still-true': renderStillTrue,
  'quick-choices': renderQuickChoices,
  'exchange-reveal': renderExchangeReveal,
};

const app = {
  status: null,
  view: 'home',
  params: null,
  fullscreen: false,
  // Where to go once unlocked, when a notification was clicked while locked.
  afterUnlock: null,
  // Each render gets its own AbortController. It aborts when the next render replaces the screen,
  // which stops that screen's listeners (`{ signal: app.signal }`) and timers (`every` in dom.js),
  // and runs what it asked to run on leaving (the journal closes opened private spaces).
  controller: new AbortController(),

  get signal() {
    return this.controller.signal;
  },

  onLeave(cleanup) {
    this.signal.addEventListener('abort', cleanup, { once: true });
  },

  async refresh() {
    this.status = await api.status();
    this.render();
  },

  // Told once, at the unlock after a reset with the recovery code: { who, at }.
  resetNotice: null,
  // Why the vault locked, when it was not asked to (a damaged file): shown once on the lock screen.
  lockNotice: null,

  setStatus(status, view, params = null) {
    this.status = status;
    if (status.resetNotice) this.resetNotice = status.resetNotice;
    if (view) {
      this.view = view;
      this.params = params;
    }
    if (this.afterUnlock && status.state === 'unlocked') {
      ({ view: this.view, params: this.params } = this.afterUnlock);
      this.afterUnlock = null;
    }
    this.render();
  },

  openReminders(reminderIds) {
    const target = { view: 'reminders', params: { reminderIds } };
    if (this.status?.state === 'unlocked') this.go(target.view, target.params);
    else this.afterUnlock = target;
  },

  go(view, params = null) {
    this.view = view;
    this.params = params;
    this.render();
  },

  async lock() {
    // What is being typed is saved before the vault closes.
    await flushJournal();
    this.status = await api.lock();
    this.resetNotice = null;
    this.view = 'home';
    this.params = null;
    this.render();
  },

  render() {
    // Every render replaces the screen on show, so whatever it started stops now.
    this.controller.abort();
    this.controller = new AbortController();
    const { state } = this.status;
    let screen;
    if (state === 'needs_setup') screen = renderSetup(this);
    else if (state === 'locked') screen = renderLock(this);
    else if (FULL_SCREEN[this.view]) screen = FULL_SCREEN[this.view](this);
    else screen = renderShell(this);
    // Only the together-mode rounds are full screen; leaving one any way (Esc, lock, auto-lock)
    // ends that.
    const full = Boolean(FULL_SCREEN[this.view]) && state === 'unlocked';
    if (this.fullscreen && !full) setFullscreen(false);
    this.fullscreen = full;
    root.replaceChildren(screen);
    // Our own first-focus marker, not the autofocus attribute: WebKit applies that one later, on its
    // own schedule, and can pull focus away from a field someone is already typing in.
    const target = root.querySelector('[data-autofocus]') ?? root.querySelector('h1');
    if (target) {
      if (!target.hasAttribute('tabindex') && target.tagName === 'H1') target.setAttribute('tabindex', '-1');
      target.focus();
    }
  },
};

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
    event.preventDefault();
    if (app.status?.state === 'unlocked') app.lock();
    return;
  }
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'w') {
    event.preventDefault();
    // What is being typed is saved first, since closing may lock.
    flushJournal().finally(closeWindow);
    return;
  }
  const screen = screenForKey(event);
  if (screen) {
    event.preventDefault();
    // What is being typed is saved before its screen goes.
    if (app.status?.state === 'unlocked') flushJournal().finally(() => app.go(screen));
    return;
  }
  // "/" jumps to the search field of screens that have one.
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement
    || event.target instanceof HTMLSelectElement;
  if (event.key === '/' && !typing) {
    const search = document.querySelector('[data-search]');
    const field = search && document.getElementById(search.dataset.search);
    if (field) {
      event.preventDefault();
      field.focus();
    }
  }
});

// Tell the Rust side someone is here, at most twice a minute.
let lastPing = 0;
function noteActivity() {
  const now = Date.now();
  if (app.status?.state !== 'unlocked' || now - lastPing < 30_000) return;
  lastPing = now;
  api.noteActivity().catch(() => {});
}
for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel']) {
  document.addEventListener(type, noteActivity, { passive: true });
}

onAutoLock(() => app.refresh());
// A damaged vault file locked the vault: the lock screen says which, once.
onVaultDamaged((message) => {
  app.lockNotice = message;
  app.refresh();
});
onOpenReminders(({ reminderIds }) => app.openReminders(reminderIds));

// A window opened again from a notification or the tray's next reminder starts at
// `#reminders=<ids>` (see window.rs): it goes there once someone is here.
const openedAt = /^#reminders=(.*)$/.exec(location.hash);

app.refresh().then(() => {
  // The first screen is up: marked for WebDriver, and told to the shell (`make bench` times it).
  root.dataset.ready = '';
  api.firstScreenShown().catch(() => {});
  if (openedAt) app.openReminders(openedAt[1].split(',').filter(Boolean));
}).catch((error) => {
  root.replaceChildren(
    h('main', { class: 'centered' },
      h('h1', { text: 'Hearth could not start' }),
      h('p', { class: 'error', role: 'alert', text: error.message })),
  );
});
