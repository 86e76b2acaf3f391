// The appreciation exchange revealed, in the together mode: both notes at the same moment, large
// enough to read from the couch. Esc goes back to Appreciation.

import { api } from '../api.js';
import { h } from '../dom.js';
import { nameOf, otherPartner } from '../people.js';
import { show, togetherFrame } from './stage.js';

export function renderExchangeReveal(app) {
  const frame = togetherFrame(app, 'Appreciation revealed', () => {}, () => {}, 'appreciation');
  show(frame.stage, h('p', { class: 'together-hint', text: 'Revealing…' }));
  api.revealExchange().then((revealed) => {
    const column = (note) => {
      const to = otherPartner(app.status, note.author)?.name ?? '';
      return h('div', { class: 'revealed', id: `exchange-revealed-${note.author}` },
        h('p', { class: 'revealed-who', text: `${nameOf(app.status, note.author)} noticed, about ${to}` }),
        h('p', { class: 'revealed-text', text: note.body }),
        note.meant ? h('p', { class: 'revealed-meant', text: note.meant }) : null);
    };
    show(frame.stage,
      h('p', { class: 'together-eyebrow', text: 'Appreciation' }),
      h('h1', { class: 'together-card compact', id: 'exchange-revealed-title', tabindex: '-1', text: 'What you noticed in each other' }),
      h('div', { class: 'reveal-round' },
        h('div', { class: 'reveal-pair' }, column(revealed.a), column(revealed.b)),
        h('div', { class: 'together-controls' },
          h('button', { type: 'button', class: 'primary', id: 'exchange-revealed-done', text: 'Thank you',
            onclick: frame.leave }))));
  }).catch((err) => show(frame.stage,
    h('h1', { class: 'together-card compact', tabindex: '-1', id: 'exchange-revealed-title', text: err.message }),
    h('div', { class: 'together-controls' }, h('button', { type: 'button', text: 'Back', onclick: frame.leave }))));
  return frame.root;
}
