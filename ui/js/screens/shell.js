// The unlocked window: a left rail (screens, who is unlocked, lock) and the current screen.
// Each screen in the rail has a key: Ctrl+1 to Ctrl+9 and Ctrl+0 in rail order, and Ctrl+, for
// Settings.

import { h } from '../dom.js';
import { renderHome } from './home.js';
import { renderSettings } from './settings.js';
import { renderAddPartner } from './partner.js';
import { renderPrompts } from './prompts.js';
import { renderDateNight } from './datenight.js';
import { renderReveal } from './reveal.js';
import { renderHistory } from './history.js';
import { renderReminders } from './reminders.js';
import { renderJournal } from './journal.js';
import { renderCheckin } from './checkin.js';
import { renderRepair } from './repair.js';
import { renderGestures } from './gestures.js';
import { renderCare } from './care.js';
import { renderAbout } from './about.js';
import { renderDateIdeas } from './date-ideas.js';
import { renderRituals } from './rituals.js';
import { renderStory } from './story.js';
import { renderStressTalk } from './stress-talk.js';
import { renderAppreciation } from './appreciation.js';
import { renderCaredFor } from './cared-for.js';
import { renderDreams } from './dreams.js';
import { renderSync } from './sync.js';
import { api } from '../api.js';
import { unlockedNames, lockedPartners, unlockedPartners, sittingTogether, nameOf } from '../people.js';
import { momentText } from '../time.js';

const SCREENS = [
  { id: 'home', label: 'Home', render: renderHome },
  { id: 'prompts', label: 'Prompts', render: renderPrompts },
  { id: 'date-night', label: 'Date night', render: renderDateNight },
  { id: 'journal', label: 'Journal', render: renderJournal },
  { id: 'rituals', label: 'Rituals', render: renderRituals },
  { id: 'story', label: 'Our story', render: renderStory },
  { id: 'checkin', label: 'Check-in', render: renderCheckin },
  { id: 'repair', label: 'Repair', render: renderRepair },
  { id: 'history', label: 'History', render: renderHistory },
  { id: 'reminders', label: 'Reminders', render: renderReminders },
  { id: 'settings', label: 'Settings', render: renderSettings },
];
// The key after Ctrl for each screen in the rail, in its order (Settings takes the usual comma).
const SCREEN_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', ','];

/** The rail screen a key press goes to (Ctrl or Cmd with its key), or null. */
export function screenForKey(event) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const index = SCREEN_KEYS.indexOf(event.key);
  return index === -1 ? null : SCREENS[index].id;
}
const HIDDEN_SCREENS = {
  'add-partner': renderAddPartner, reveal: renderReveal, care: renderCare, about: renderAbout, 'date-ideas': renderDateIdeas,
  gestures: renderGestures, 'stress-talk': renderStressTalk, appreciation: renderAppreciation, 'cared-for': renderCaredFor,
  dreams: renderDreams, sync: renderSync,
};

export function renderShell(app) {
  const { status } = app;
  const current = SCREENS.find((s) => s.id === app.view);
  const render = current?.render ?? HIDDEN_SCREENS[app.view] ?? renderHome;
  const locked = lockedPartners(status);

  const nav = h('nav', { 'aria-label': 'Hearth' },
    h('ul', {}, SCREENS.map((screen, index) => h('li', {},
      h('button', {
        type: 'button', class: 'rail-link', id: `nav-${screen.id}`, text: screen.label,
        'aria-current': screen.id === app.view ? 'page' : null,
        'aria-keyshortcuts': `Control+${SCREEN_KEYS[index]}`, title: `${screen.label} (Ctrl+${SCREEN_KEYS[index]})`,
        onclick: () => app.go(screen.id),
      })))));

  const foot = h('div', { class: 'rail-foot' },
    h('p', { class: 'who', id: 'who-unlocked' },
      h('span', { class: 'visually-hidden', text: 'Unlocked: ' }),
      unlockedNames(status).join(' · ')),
    // Sitting together, either can leave: their private space closes, the other stays.
    sittingTogether(status) ? unlockedPartners(status).map((partner) => h('button', {
      type: 'button', class: 'quiet', id: `leave-${partner.id}`, text: `${partner.name} leaves this session`,
      onclick: async () => app.setStatus(await api.leaveSession(partner.id), 'home'),
    })) : null,
    locked.map((partner) => h('button', {
      type: 'button', class: 'quiet', id: 'add-partner', text: `Add ${partner.name} to this session`,
      onclick: () => app.go('add-partner'),
    })),
    h('button', {
      type: 'button', class: 'lock-button', id: 'lock-button', text: 'Lock',
      'aria-keyshortcuts': 'Control+L', title: 'Lock (Ctrl+L)',
      onclick: () => app.lock(),
    }));

  return h('div', { class: 'shell' },
    h('aside', { class: 'rail' }, h('p', { class: 'brand', text: 'Hearth' }), nav, foot),
    h('main', { class: 'content', id: 'content' }, resetBanner(app), render(app)));
}

// After a reset with the recovery code, its owner hears of it at their next unlock, once.
function resetBanner(app) {
  const notice = app.resetNotice;
  if (!notice) return null;
  const when = momentText(notice.at);
  const banner = h('div', { class: 'card notice', role: 'status', id: 'reset-notice' },
    h('p', { text: `${nameOf(app.status, notice.who)}, your passphrase was reset with your recovery code on ${when}. If that was not you, change your passphrase and make a new recovery code in Settings.` }),
    h('div', { class: 'actions start' }, h('button', {
      type: 'button', id: 'reset-notice-ok', text: 'Understood',
      onclick: () => { app.resetNotice = null; banner.remove(); },
    })));
  return banner;
}
