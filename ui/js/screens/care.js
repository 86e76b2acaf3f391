// Care and support: what Hearth is not, when a couples therapist helps, and first steps for anyone
// who feels unsafe. Plain, general guidance that holds everywhere: no phone numbers that could be
// wrong where the reader lives.

import { h } from '../dom.js';

export function renderCare(app) {
  const list = (items) => h('ul', { class: 'questions' }, items.map((text) => h('li', { text })));
  return h('section', { class: 'care', 'aria-labelledby': 'care-title' },
    h('h1', { id: 'care-title', text: 'Care and support' }),
    h('div', { class: 'card' },
      h('h2', { text: 'Hearth is not therapy' }),
      h('p', { text: 'Hearth offers prompts, reminders and a place to write. It cannot see the whole of your relationship, and it cannot help the way a trained person can. If something feels too big for the two of you, that is nothing to be ashamed of. It is a good reason to ask for help.' })),
    h('div', { class: 'card' },
      h('h2', { text: 'When a couples therapist helps' }),
      list([
        'The same argument keeps coming back, and talking makes it worse rather than better.',
        'One or both of you feel unheard, lonely or hopeless in the relationship.',
        'Trust has been broken, for example by an affair or a hidden debt.',
        'A big change (a baby, an illness, a loss, a move) has knocked you off balance.',
        'You want to stay together but no longer know how.',
      ]),
      h('h3', { text: 'How to find one' }),
      list([
        'Look for a licensed therapist or counsellor who works with couples; the title differs by country, so check the professional register where you live.',
        'Your doctor, your health insurer or an employee assistance programme can often suggest names.',
        'Many therapists offer a short first call. Ask how they work with couples, and whether you both feel at ease.',
        'Online sessions are an option if no one is near you.',
      ])),
    h('div', { class: 'card care-safety', id: 'care-safety' },
      h('h2', { text: 'If you feel unsafe' }),
      h('p', { text: 'Couples exercises, including the repair conversation in Hearth, are for partners who feel safe with each other. If you are afraid of your partner, if you are being hurt, threatened, controlled or cut off from others, please do not use them. Your safety comes first.' }),
      list([
        'If you are in danger right now, call your local emergency number.',
        'Tell someone you trust what is happening: a friend, a family member, a doctor.',
        'Contact a domestic abuse support service where you live; a search for "domestic abuse helpline" with your country\'s name, or your doctor, can point you to one. They can help you plan, in confidence.',
        'If your partner might read this device, use a device they cannot reach to look for help, and clear what you can.',
      ])),
    h('div', { class: 'actions start' },
      h('button', { type: 'button', id: 'care-home', text: 'Back to Home', 'data-autofocus': '', onclick: () => app.go('home') })));
}
