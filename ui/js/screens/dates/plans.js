// The dates you planned, newest first. Once one has begun, a one-line memory of it can be kept;
// memories join your shared history.

import { api } from '../../api.js';
import { h, errorSlot, onSubmit } from '../../dom.js';
import { momentText } from '../../time.js';

export function plansCard() {
  const list = h('ul', { class: 'plans', id: 'plan-list' });
  const error = errorSlot('plans-error');
  const element = h('section', { class: 'card', 'aria-labelledby': 'plans-title', hidden: true },
    h('h2', { id: 'plans-title', text: 'Your planned dates' }), list, error);
  async function load() {
    try {
      const plans = await api.listDatePlans();
      element.hidden = plans.length === 0;
      list.replaceChildren(...plans.map((plan) => planItem(plan)));
    } catch (err) {
      error.textContent = err.message;
    }
  }
  return { element, load };
}

function planItem(plan) {
  const begun = new Date(plan.startsAt) <= new Date();
  const item = h('li', { 'data-plan': plan.id },
    h('p', {}, h('strong', { text: plan.ideaTitle }), ` · ${momentText(plan.startsAt)}`));
  if (!begun) return item;
  const id = `memory-${plan.id}`;
  const error = errorSlot(`${id}-error`);
  const saved = h('p', { class: 'hint', role: 'status' });
  const form = h('form', { class: 'memory-form' },
    h('label', { for: id, text: 'A line to remember it by (optional)' }),
    h('input', { id, type: 'text', maxlength: 200, autocomplete: 'off', value: plan.memory ?? '' }),
    h('button', { type: 'submit', id: `${id}-save`, text: 'Keep this memory' }), error, saved);
  onSubmit(form, error, 'Saving…', async () => {
    const kept = await api.rememberDate(plan.id, form.querySelector('input').value);
    saved.textContent = kept.memory ? 'Kept in your history.' : 'Memory removed.';
  });
  item.append(form);
  return item;
}
