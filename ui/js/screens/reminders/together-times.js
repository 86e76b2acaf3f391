// Together-times of the last two weeks, to mark kept or skipped. Only kept ones are ever counted.

import { api } from '../../api.js';
import { h, changeThenRefresh, errorSlot, showError } from '../../dom.js';
import { shortMomentText } from '../../time.js';

export function togetherTimesCard(changed) {
  const list = h('ul', { class: 'history', id: 'together-times' });
  const error = errorSlot('together-times-error');
  const card = h('div', { class: 'card', 'aria-labelledby': 'together-times-title' },
    h('h2', { id: 'together-times-title', text: 'Recent together-times' }),
    h('p', { class: 'hint', text: 'Mark the ones you kept, if you like. Skipped ones are never counted against you.' }),
    list, error);
  async function load() {
    showError(error, null);
    try {
      const times = await api.recentTogetherTimes();
      card.hidden = times.length === 0;
      list.replaceChildren(...times.map((time) => {
        const mark = (outcome, label) => h('button', {
          type: 'button', class: 'quiet', text: label, 'aria-pressed': String(time.outcome === outcome),
          'data-mark': `${time.reminderId}@${time.occurrence}:${outcome}`,
          onclick: () => changeThenRefresh(api.recordTogetherTime(time.reminderId, time.occurrence, outcome), changed, error),
        });
        return h('li', {},
          h('span', { text: `${shortMomentText(time.occurrence)} · ${time.title}` }),
          h('span', { class: 'actions start' }, mark('kept', 'We kept it'), mark('skipped', 'Skipped')));
      }));
    } catch (err) {
      showError(error, err);
    }
  }
  return { element: card, load };
}

