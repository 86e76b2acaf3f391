// Quick choices, in the together mode: this-or-that and would-you-rather. Both partners pick at
// once with two keys each (A or S on the left, K or L on the right), the picks stay hidden until
// both are in, then show together. A match is a small shared smile; a difference is a
// conversation: "Ask why".

import { h } from '../dom.js';
import { namesOf, show, togetherFrame, isTyping } from './stage.js';

// Each partner's two keys, first choice then second.
const KEYS = { a: ['a', 's'], b: ['k', 'l'] };

export function renderQuickChoices(app) {
  const cards = app.params?.cards ?? [];
  const names = namesOf(app);
  const round = { index: 0, picks: {}, revealed: false, history: [] };
  const frame = togetherFrame(app, 'Quick choices', (event) => onKey(event));

  function onKey(event) {
    if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (round.revealed) {
      if (key === ' ' || key === 'arrowright') {
        event.preventDefault();
        next();
      }
      return;
    }
    for (const [who, keys] of Object.entries(KEYS)) {
      const choice = keys.indexOf(key);
      if (choice !== -1) {
        event.preventDefault();
        pick(who, choice);
      }
    }
  }

  function pick(who, choice) {
    if (round.revealed || round.index >= cards.length) return;
    round.picks[who] = choice;
    if (round.picks.a !== undefined && round.picks.b !== undefined) {
      round.revealed = true;
      round.history.push({ card: cards[round.index], picks: { ...round.picks } });
    }
    draw();
  }

  function next() {
    Object.assign(round, { index: round.index + 1, picks: {}, revealed: false });
    draw();
  }

  function draw() {
    if (round.index >= cards.length) {
      show(frame.stage, summary(round.history, names, frame.leave));
      return;
    }
    const card = cards[round.index];
    show(frame.stage,
      h('p', { class: 'together-eyebrow', id: 'qc-turn', text: `Quick choice · ${round.index + 1} of ${cards.length}` }),
      h('h1', { class: 'together-card compact', id: 'together-text', tabindex: '-1', text: card.text }),
      round.revealed ? reveal(card, round.picks, names, next, frame.leave) : choosing(card, round.picks, names, pick, frame.leave));
  }

  draw();
  return frame.root;
}

// The two choices with each partner's keys, and who has picked (never what).
function choosing(card, picks, names, pick, leave) {
  const partner = (who, index) => {
    const done = picks[who] !== undefined;
    return h('div', { class: 'picker', id: `qc-picker-${who}` },
      h('p', { class: 'picker-status', id: `qc-status-${who}`, text: done ? `${names[index]} has picked ✓` : `${names[index]} is choosing…` }),
      h('div', { class: 'picker-keys' }, [0, 1].map((choice) => h('button', {
        type: 'button', id: `qc-pick-${who}-${choice}`, disabled: done,
        'aria-label': `${names[index]} picks ${card.choices[choice]}`,
        'aria-keyshortcuts': KEYS[who][choice].toUpperCase(),
        text: `${KEYS[who][choice].toUpperCase()}: ${card.choices[choice]}`,
        onclick: () => pick(who, choice),
      }))));
  };
  return h('div', { class: 'reveal-round', id: 'qc-choosing' },
    h('p', { class: 'revealed-ask', text: 'Pick at the same time. Your choice stays hidden until you have both picked.' }),
    h('div', { class: 'reveal-pair' }, partner('a', 0), partner('b', 1)),
    h('div', { class: 'together-controls' },
      h('button', { type: 'button', class: 'quiet', id: 'together-leave', text: 'Leave (Esc)', onclick: leave })));
}

function reveal(card, picks, names, next, leave) {
  const same = picks.a === picks.b;
  const why = h('p', { class: 'revealed-ask', id: 'qc-why', role: 'status' });
  return h('div', { class: `reveal-round${same ? ' matched' : ''}`, id: 'qc-reveal' },
    h('div', { class: 'reveal-pair' }, ['a', 'b'].map((who, index) => h('div', { class: 'revealed' },
      h('p', { class: 'revealed-who', text: `${names[index]} chose` }),
      h('p', { class: 'revealed-text', id: `qc-chose-${who}`, text: card.choices[picks[who]] })))),
    h('p', { class: 'revealed-ask', id: 'qc-outcome', text: same ? `You both chose ${card.choices[picks.a]}. ♥` : 'Two different picks. That is where the good conversation starts.' }),
    why,
    h('div', { class: 'together-controls' },
      same ? null : h('button', { type: 'button', id: 'qc-ask-why', text: 'Ask why',
        onclick: () => { why.textContent = 'Each of you: what drew you to your choice? There is no right answer.'; } }),
      h('button', { type: 'button', class: 'primary', id: 'qc-next', text: 'Next →', 'data-autofocus': '', onclick: next }),
      h('button', { type: 'button', class: 'quiet', id: 'together-leave', text: 'Leave (Esc)', onclick: leave })));
}

function summary(history, names, leave) {
  return h('div', { class: 'together-summary' },
    h('h2', { id: 'qc-done', tabindex: '-1', text: history.length ? 'Your picks tonight' : 'No picks this time, and that is fine' }),
    h('ul', { id: 'qc-list' }, history.map(({ card, picks }) => h('li', {
      text: `${card.text} ${names[0]}: ${card.choices[picks.a]} · ${names[1]}: ${card.choices[picks.b]}`,
    }))),
    h('div', { class: 'together-controls' },
      h('button', { type: 'button', class: 'primary', id: 'together-close', text: 'Done', onclick: leave })));
}
