// Appreciation: the exchange (each writes one specific thing the other did and what it meant,
// alone; the two are revealed together) and the two "What I love about you" lists that every
// note and every revealed exchange add to. Whether a note may be shown is the core's rule.

import { api } from '../api.js';
import { h, errorSlot, labelled, onSubmit, showError, statusLine, value } from '../dom.js';
import { nameOf, otherPartner, unlockedPartners } from '../people.js';
import { dayText } from '../time.js';

export function renderAppreciation(app) {
  const error = errorSlot('exchange-error');
  const exchange = h('div', { class: 'card', id: 'exchange', 'aria-labelledby': 'exchange-title' },
    h('h2', { id: 'exchange-title', text: 'An appreciation exchange' }),
    h('p', { class: 'hint', text: 'Loading…' }));
  const lists = h('div', { id: 'love-lists' });
  const section = h('section', { class: 'appreciation', 'aria-labelledby': 'appreciation-title' },
    h('h1', { id: 'appreciation-title', text: 'Appreciation' }),
    h('p', { class: 'lede', text: 'Now and then, each of you writes down one specific thing the other did, and what it meant to you. You see both at the same moment.' }),
    error, exchange, lists);
  const refresh = () => Promise.all([api.exchangeState(), api.listAppreciations()]).then(([state, notes]) => {
    exchange.replaceChildren(exchange.firstChild, ...exchangeBody(app, state, refresh));
    lists.replaceChildren(...loveLists(app, notes));
    exchange.querySelector('[data-autofocus]')?.focus();
  }).catch((err) => showError(error, err));
  refresh();
  return section;
}

// The exchange in progress, as the one who is here may see it.
function exchangeBody(app, state, refresh) {
  const { status } = app;
  const here = unlockedPartners(status);
  if (state.ready) {
    return [
      h('p', { id: 'exchange-ready', text: 'You have both written. Sit together, then reveal them at the same moment.' }),
      h('div', { class: 'actions start' }, h('button', { type: 'button', class: 'primary', id: 'exchange-reveal', 'data-autofocus': '',
        text: 'Reveal together', onclick: () => app.go('exchange-reveal') }))];
  }
  const written = (id) => (id === 'a' ? state.aWritten : state.bWritten);
  const progress = status.partners.map((p) => h('li', { id: `exchange-${p.id}-status`,
    text: written(p.id) ? `${p.name} has written ✓` : `${p.name} has not written yet` }));
  if (here.length !== 1) {
    return [h('ul', { class: 'questions' }, progress),
      h('p', { class: 'hint', id: 'exchange-alone', text: 'Each of you writes on your own, so it stays a surprise: lock, and unlock only as yourself.' })];
  }
  return [h('ul', { class: 'questions' }, progress), writeForm(app, here[0], state.own, refresh)];
}

function writeForm(app, writer, own, refresh) {
  const other = otherPartner(app.status, writer.id)?.name ?? 'your partner';
  const error = errorSlot('exchange-write-error');
  const done = statusLine('exchange-saved');
  const form = h('form', { class: 'stack', 'aria-label': `${writer.name}'s appreciation` },
    own ? h('p', { class: 'hint', text: `Yours is in. You can change it until ${other} writes theirs.` }) : null,
    labelled('exchange-did', `What did ${other} do? One specific thing`,
      h('input', { id: 'exchange-did', type: 'text', maxlength: 280, autocomplete: 'off', required: true, value: own?.body ?? '', 'data-autofocus': '' })),
    labelled('exchange-meant', 'What did it mean to you?',
      h('input', { id: 'exchange-meant', type: 'text', maxlength: 280, autocomplete: 'off', value: own?.meant ?? '' })),
    done, error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: 'exchange-save', text: own ? 'Change mine' : 'Keep it for the reveal' })));
  onSubmit(form, error, 'Saving…', async () => {
    await api.writeExchange(writer.id, value('exchange-did'), value('exchange-meant'));
    await refresh();
    document.getElementById('exchange-saved')?.replaceChildren(`Kept. ${other} sees it when you reveal them together.`);
  });
  return form;
}

// "What Sam loves about Alex", and the other way round: each a gift to its reader.
function loveLists(app, notes) {
  const { status } = app;
  return status.partners.map((author) => {
    const theirs = notes.filter((n) => n.author === author.id);
    const about = otherPartner(status, author.id)?.name ?? '';
    return h('div', { class: 'card', id: `love-list-${author.id}` },
      h('h2', { text: `What ${author.name} loves about ${about}` }),
      theirs.length
        ? h('ul', { class: 'love-list' }, theirs.map((note) => h('li', {},
          h('p', { class: 'prompt-text', text: note.body }),
          note.meant ? h('p', { text: note.meant }) : null,
          h('p', { class: 'hint', text: dayText(note.createdAt) }))))
        : h('p', { class: 'hint', text: `What ${nameOf(status, author.id)} writes here stays, for ${about} to come back to.` }));
  });
}
