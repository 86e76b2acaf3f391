// About Hearth: the version, the licence, and the promise that matters most, with the folder it
// is about. Every line here is checked by a test against the running app.

import { api } from '../api.js';
import { h, errorSlot, showError } from '../dom.js';

export function renderAbout() {
  const error = errorSlot('about-error');
  const version = h('p', { class: 'lede', id: 'about-version' });
  const folder = h('p', { class: 'path', id: 'about-folder' });
  const licence = h('p', { id: 'about-licence' });
  api.aboutHearth().then((about) => {
    version.textContent = `Version ${about.version}`;
    folder.textContent = about.dataFolder;
    licence.textContent = `Hearth is free software under the ${about.licence} licence: you may use, study, share and change it.`;
  }).catch((err) => showError(error, err));
  return h('section', { class: 'about', 'aria-labelledby': 'about-title' },
    h('h1', { id: 'about-title', text: 'About Hearth' }),
    version,
    h('div', { class: 'card', id: 'about-promise' },
      h('h2', { text: 'Everything stays on this computer' }),
      h('p', { text: 'Hearth uses no network. There is no account and no server, and nothing is sent anywhere. Your prompts, reminders and entries live in this one folder, with every entry encrypted:' }),
      folder,
      h('p', { text: 'Nothing leaves it unless you ask: a backup, an export of entries or a calendar file goes only where you save it.' })),
    h('div', { class: 'card' }, h('h2', { text: 'Licence' }), licence),
    error);
}
