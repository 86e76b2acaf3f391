// Home answers "what now?": today's prompt and the next steps, greeting whoever is here.

import { api } from '../api.js';
import { h, errorSlot, showError, onSubmit, value } from '../dom.js';
import { unlockedNames, unlockedPartners } from '../people.js';
import { options } from '../prompt-meta.js';
import { describe } from '../prompt-meta.js';

function greeting(hour) {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function renderHome(app) {
  const names = unlockedNames(app.status);
  const error = errorSlot('home-error');
  const today = h('div', { class: 'card today', id: 'today-prompt', 'aria-labelledby': 'today-title' },
    h('h2', { id: 'today-title', text: 'Today\'s prompt' }),
    h('p', { class: 'hint', text: 'Loading…' }));

  api.promptOfTheDay().then((prompt) => {
    if (!prompt) {
      today.replaceChildren(today.firstChild, h('p', { text: 'You have talked through every prompt. Let some come back in History.' }));
      return;
    }
    today.replaceChildren(today.firstChild,
      h('p', { class: 'prompt-text large', id: 'today-text', text: prompt.text }),
      h('p', { class: 'hint', text: describe(prompt) }),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', class: 'primary', id: 'today-reveal', text: 'Answer, then reveal',
          onclick: () => app.go('reveal', { prompt }) }),
        h('button', { type: 'button', id: 'today-together', text: 'Talk about it together',
          onclick: () => app.go('together', { cards: [prompt], minutes: 0 }) })));
  }).catch((err) => showError(error, err));

  return h('section', { class: 'home', 'aria-labelledby': 'home-greeting' },
    h('h1', { id: 'home-greeting', text: `${greeting(new Date().getHours())}, ${names.join(' and ')}` }),
    error,
    today,
    appreciationCard(app),
    h('div', { class: 'card' },
      h('h2', { text: 'Quick start' }),
      h('div', { class: 'actions start' },
        h('button', { type: 'button', id: 'quick-date', text: 'Plan a date night', onclick: () => app.go('date-night') }),
        h('button', { type: 'button', id: 'quick-prompts', text: 'Browse prompts', onclick: () => app.go('prompts') })),
      h('p', { class: 'hint', text: names.length === 2
        ? 'You are both here: your shared space and both private spaces are open.'
        : `Your shared space and ${names[0]}'s private space are open. Press Ctrl+L to lock at any time.` })),
  );
}

// "I appreciated…": a one-line note to the other, and now and then an older one brought back.
function appreciationCard(app) {
  const here = unlockedPartners(app.status);
  const other = (id) => app.status.partners.find((p) => p.id !== id)?.name ?? '';
  const error = errorSlot('appreciation-error');
  const done = h('p', { class: 'progress', role: 'status', id: 'appreciation-status' });
  const resurfaced = h('div', { id: 'appreciation-back' });
  const author = h('select', { id: 'appreciation-author' }, options(here.map((p) => [p.id, `From ${p.name}`]), here[0]?.id));
  const form = h('form', { class: 'card', 'aria-labelledby': 'appreciation-title' },
    h('h2', { id: 'appreciation-title', text: 'A note of appreciation' }),
    resurfaced,
    here.length > 1 ? h('div', { class: 'field' }, h('label', { for: 'appreciation-author', text: 'Who is writing' }), author) : null,
    h('div', { class: 'field' },
      h('label', { for: 'appreciation-text', text: `I appreciated… (to ${other(here[0]?.id)})` }),
      h('input', { id: 'appreciation-text', type: 'text', maxlength: 280, autocomplete: 'off', required: true })),
    done, error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', id: 'appreciation-save', text: 'Leave the note' })));
  author.addEventListener('change', () => {
    form.querySelector('label[for="appreciation-text"]').textContent = `I appreciated… (to ${other(author.value)})`;
  });
  onSubmit(form, error, 'Saving…', async () => {
    await api.addAppreciation(author.value || here[0]?.id, value('appreciation-text'));
    form.querySelector('#appreciation-text').value = '';
    done.textContent = 'Saved. It may come back one day, when you need it.';
  });
  api.appreciationOfTheDay().then((note) => {
    if (!note) return;
    const from = app.status.partners.find((p) => p.id === note.author)?.name ?? '';
    resurfaced.replaceChildren(
      h('p', { class: 'hint', text: `From ${from}, ${new Date(note.createdAt).toLocaleDateString()}:` }),
      h('p', { class: 'prompt-text', id: 'appreciation-resurfaced', text: note.body }));
  }).catch(() => {});
  return form;
}
