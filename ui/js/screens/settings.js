// Settings: how soon Hearth locks itself, starting at login, and changing a passphrase.

import { api } from '../api.js';
import { h, field, errorSlot, showError, onSubmit, mustMatch, value } from '../dom.js';
import { unlockedPartners } from '../people.js';

const AUTO_LOCK_CHOICES = [1, 5, 10, 15, 30, 60, 120, 240];

export function renderSettings(app) {
  const section = h('section', { class: 'settings', 'aria-labelledby': 'settings-title' },
    h('h1', { id: 'settings-title', text: 'Settings' }));
  const autoLock = autoLockForm();
  section.append(autoLock.form);
  section.append(autostartCard());
  section.append(consentCard(app));
  for (const partner of unlockedPartners(app.status)) section.append(passphraseForm(partner));
  autoLock.load();
  return section;
}

function autoLockForm() {
  const note = h('p', { class: 'progress', role: 'status', id: 'auto-lock-status' });
  const error = errorSlot('auto-lock-error');
  const select = h('select', { id: 'auto-lock', name: 'auto-lock' },
    AUTO_LOCK_CHOICES.map((minutes) => h('option', { value: minutes,
      text: minutes === 1 ? '1 minute' : `${minutes} minutes` })));
  const form = h('form', { class: 'card' },
    h('h2', { text: 'Auto-lock' }),
    h('div', { class: 'field' },
      h('label', { for: 'auto-lock', text: 'Lock Hearth after it has been idle for' }), select),
    note, error);
  select.addEventListener('change', async () => {
    showError(error, null);
    try {
      const settings = await api.setAutoLock(Number(select.value));
      note.textContent = `Saved. Hearth locks after ${settings.autoLockMinutes} idle minutes.`;
    } catch (err) {
      showError(error, err);
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  return {
    form,
    load: () => api.getSettings()
      .then((settings) => { select.value = String(settings.autoLockMinutes); })
      .catch((err) => showError(error, err)),
  };
}

// Off by default: Hearth starts at login (in the tray, without a window) only when asked to.
function autostartCard() {
  const error = errorSlot('autostart-error');
  const note = h('p', { class: 'progress', role: 'status', id: 'autostart-status' });
  const box = h('input', { id: 'autostart', type: 'checkbox' });
  const card = h('div', { class: 'card' },
    h('h2', { text: 'Start at login' }),
    h('label', { class: 'check' }, box, ' Start Hearth in the tray when I log in, so reminders come even if I never open it'),
    note, error);
  api.getAutostart().then((on) => { box.checked = on; }).catch((err) => {
    box.disabled = true;
    showError(error, err);
  });
  box.addEventListener('change', async () => {
    showError(error, null);
    try {
      box.checked = await api.setAutostart(box.checked);
      note.textContent = box.checked ? 'Hearth will start at login.' : 'Hearth will not start at login.';
    } catch (err) {
      box.checked = !box.checked;
      showError(error, err);
    }
  });
  return card;
}

function passphraseForm(partner) {
  const id = (name) => `pass-${partner.id}-${name}`;
  const error = errorSlot(id('error'));
  const done = h('p', { class: 'progress', role: 'status' });
  const form = h('form', { class: 'card', 'aria-labelledby': id('title') },
    h('h2', { id: id('title'), text: `${partner.name}'s passphrase` }),
    h('p', { class: 'hint', text: 'Changing it re-encrypts nothing, so it is quick. The recovery code stays the same.' }),
    field({ id: id('current'), label: 'Current passphrase', type: 'password', autocomplete: 'current-password' }),
    field({ id: id('new'), label: 'New passphrase', type: 'password', autocomplete: 'new-password' }),
    field({ id: id('confirm'), label: 'Type the new one again', type: 'password', autocomplete: 'new-password' }),
    error, done,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: id('submit'), text: 'Change passphrase' })));
  onSubmit(form, error, 'Changing the passphrase…', async () => {
    done.textContent = '';
    mustMatch(id('new'), id('confirm'), "The two new passphrases don't match. Type them again.");
    await api.changePassphrase(partner.id, value(id('current')), value(id('new')));
    form.reset();
    done.textContent = `${partner.name}'s passphrase is changed.`;
  });
  return form;
}

// The sensual and sexual category: each partner chooses alone, and it appears only when both have.
// Nothing here ever shows one partner the other's choice.
function consentCard(app) {
  const error = errorSlot('consent-error');
  const note = h('p', { class: 'hint', role: 'status', id: 'consent-status' });
  const body = h('div');
  const card = h('div', { class: 'card', 'aria-labelledby': 'consent-title' },
    h('h2', { id: 'consent-title', text: 'Sensual and sexual prompts' }), body, note, error);
  const nameOf = (id) => app.status.partners.find((p) => p.id === id)?.name ?? '';

  function show(consent) {
    if (consent.alone) {
      const box = h('input', { type: 'checkbox', id: 'consent-own', checked: consent.ownChoice });
      box.addEventListener('change', async () => {
        showError(error, null);
        try {
          show(await api.setConsent(consent.alone, box.checked));
          document.getElementById('consent-own')?.focus();
        } catch (err) {
          showError(error, err);
        }
      });
      body.replaceChildren(
        h('p', { text: `${nameOf(consent.alone)}, this is your own choice. The category appears only if you both choose it, and either of you can turn it off at any time. Your partner never sees what you picked.` }),
        h('label', { class: 'check' }, box, ' I would like these prompts'));
    } else if (consent.bothOptedIn) {
      const [first] = unlockedPartners(app.status);
      body.replaceChildren(
        h('p', { text: 'These prompts are on because you both chose them. Either of you can turn them off now.' }),
        h('button', { type: 'button', id: 'consent-off', text: 'Turn them off',
          onclick: async () => {
            try { show(await api.setConsent(first.id, false)); } catch (err) { showError(error, err); }
          } }));
    } else {
      body.replaceChildren(h('p', { text: 'Each of you chooses this privately, while unlocked on your own.' }));
    }
    note.textContent = consent.bothOptedIn ? 'On for both of you.' : '';
  }

  api.consentStatus().then(show).catch((err) => showError(error, err));
  return card;
}
