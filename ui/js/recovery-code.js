// The recovery-code card that setup and Settings share.

import { h } from './dom.js';

// A recovery code shown once: it can be passed only after "I have written it down". Settings shows
// a new code the same way.
export function recoveryCodeForm({ title, lines, code, nextText, onNext }) {
  const ack = h('input', { type: 'checkbox', id: 'recovery-ack' });
  const next = h('button', { type: 'submit', id: 'recovery-next', class: 'primary', disabled: true, text: nextText });
  ack.addEventListener('change', () => { next.disabled = !ack.checked; });
  const form = h('form', { class: 'card recovery', 'aria-labelledby': 'recovery-title' },
    h('h1', { id: 'recovery-title', tabindex: '-1', text: title }),
    lines.map((line) => h('p', { text: line })),
    h('p', { class: 'recovery-code', id: 'recovery-code', text: code }),
    h('label', { class: 'check' }, ack, ' I have written it down'),
    h('div', { class: 'actions' }, next),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onNext(form);
    document.getElementById('recovery-ack')?.focus();
  });
  queueMicrotask(() => form.querySelector('h1').focus());
  return form;
}
