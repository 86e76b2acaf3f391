// A weekly picker (which days) and a monthly one (which weekday of the month) that write the rule,
// for those who would rather not write RRULE text.

import { h, labelled } from '../../dom.js';
import { options } from '../../prompt-meta.js';

const WEEKDAYS = [['MO', 'Mon'], ['TU', 'Tue'], ['WE', 'Wed'], ['TH', 'Thu'], ['FR', 'Fri'], ['SA', 'Sat'], ['SU', 'Sun']];
const ORDINALS = [['1', 'First'], ['2', 'Second'], ['3', 'Third'], ['4', 'Fourth'], ['-1', 'Last']];
const WEEKLY_KINDS = ['weekly_slot', 'appreciation'];

export function repeatPicker(setRule) {
  const days = WEEKDAYS.map(([code, label]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', id: `rem-day-${code}`, value: code }), ` ${label}`));
  const weekly = h('fieldset', { class: 'field', id: 'rem-weekly', hidden: true },
    h('legend', { text: 'Every week on' }), h('div', { class: 'actions start' }, days));
  const ordinal = h('select', { id: 'rem-ordinal' }, options(ORDINALS, '1'));
  const weekday = h('select', { id: 'rem-weekday' }, options(WEEKDAYS, 'FR'));
  const monthly = h('fieldset', { class: 'field', id: 'rem-monthly', hidden: true },
    h('legend', { text: 'Every month on the' }),
    h('div', { class: 'row' }, labelled('rem-ordinal', 'Which', ordinal), labelled('rem-weekday', 'Day', weekday)));
  const checked = () => days.map((d) => d.querySelector('input')).filter((box) => box.checked).map((box) => box.value);
  weekly.addEventListener('change', () => {
    if (checked().length) setRule(`FREQ=WEEKLY;BYDAY=${checked().join(',')}`);
  });
  monthly.addEventListener('change', () => setRule(`FREQ=MONTHLY;BYDAY=${ordinal.value}${weekday.value}`));
  return {
    weekly,
    monthly,
    show(kind, rule) {
      weekly.hidden = !WEEKLY_KINDS.includes(kind);
      monthly.hidden = kind !== 'monthly_date';
      const byday = /BYDAY=([^;]+)/.exec(rule)?.[1] ?? '';
      for (const day of days) {
        const box = day.querySelector('input');
        box.checked = byday.split(',').includes(box.value);
      }
      const nth = /^(-?\d)([A-Z]{2})$/.exec(byday);
      if (nth) {
        ordinal.value = nth[1];
        weekday.value = nth[2];
      }
    },
  };
}
