// The weekly check-in: each partner rates the four ingredients alone; both answers appear side by
// side once both are in, with the trend over the weeks. Below it, a private reflection on the four
// enemies, kept in the writer's own space.

import { api } from '../api.js';
import { h, errorSlot, labelled, onSubmit, showError, statusLine, svg, value } from '../dom.js';
import { options } from '../prompt-meta.js';
import { nameOf, otherPartner, unlockedPartners } from '../people.js';

export const INGREDIENTS = [
  { key: 'love', label: 'Love and friendship',
    about: 'Do we like each other, enjoy each other and feel on the same side, beyond the romance?' },
  { key: 'vulnerability', label: 'Vulnerability',
    about: 'Can I show you the unsure, tender parts of me and feel safe doing it?' },
  { key: 'trust', label: 'Trust',
    about: 'Can I rely on your word, your intentions and your care when I am not looking?' },
  { key: 'commitment', label: 'Commitment',
    about: 'Are we both choosing this, and building toward a future we share?' },
];

export function renderCheckin(app) {
  const error = errorSlot('checkin-error');
  const body = h('div', { id: 'checkin-body' }, h('p', { class: 'hint', text: 'Loading…' }));
  const trends = h('div', { class: 'card', id: 'checkin-trends', 'aria-labelledby': 'trends-title' });
  // Shows this week as `state` has it (or as the core says), then the trend.
  async function load(state) {
    try {
      const current = state ?? await api.checkinState();
      body.replaceChildren(current.revealed ? reveal(app, current.revealed) : waiting(app, current, load));
      const weeks = await api.checkinTrends();
      trends.replaceChildren(h('h2', { id: 'trends-title', text: 'Over the weeks' }), ...trendChart(app, weeks));
    } catch (err) {
      showError(error, err);
    }
  }
  load();
  return h('section', { class: 'checkin', 'aria-labelledby': 'checkin-title' },
    h('h1', { id: 'checkin-title', text: 'Check-in' }),
    h('p', { class: 'lede', text: 'Once a week, if you like: each of you rates four things that hold a relationship up. You see each other\'s answers only when you have both answered, side by side. There are no right numbers; the talk afterwards is the point.' }),
    error, body, trends, reflectionCard(app));
}

// Who has answered so far; a partner unlocked alone gets the form, `answered` hears the new state.
function waiting(app, state, answered) {
  const here = unlockedPartners(app.status);
  const hasAnswered = (id) => (id === 'a' ? state.aAnswered : state.bAnswered);
  const progress = h('p', { id: 'checkin-progress', text: app.status.partners
    .map((p) => `${p.name} ${hasAnswered(p.id) ? 'has answered' : 'has not answered yet'}`).join('. ') + '.' });
  if (here.length !== 1) {
    return h('div', { class: 'card' }, progress,
      h('p', { text: 'Each of you answers in your own unlock, so your answers stay yours until you have both answered. Lock, then unlock only as yourself.' }));
  }
  const me = here[0];
  const other = otherPartner(app.status, me.id);
  return h('div', {}, h('div', { class: 'card' }, progress,
    state.own ? h('p', { text: `You can change your answers until ${other.name} answers. Then you will both see both.` })
      : h('p', { text: `${other.name} will not see your answers until they have answered too.` })),
  answerForm(me, state.own, answered));
}

function answerForm(me, own, answered) {
  const formError = errorSlot('checkin-form-error');
  const form = h('form', { class: 'card', id: 'checkin-form', 'aria-labelledby': 'checkin-form-title' },
    h('h2', { id: 'checkin-form-title', text: `${me.name}, this week` }),
    INGREDIENTS.map((ingredient) => h('fieldset', { class: 'rating' },
      h('legend', { text: ingredient.label }),
      h('p', { class: 'hint', text: ingredient.about }),
      h('div', { class: 'rating-scale' }, [1, 2, 3, 4, 5].map((n) => h('label', { class: 'rating-choice' },
        h('input', { type: 'radio', name: ingredient.key, value: n, id: `rate-${ingredient.key}-${n}`,
          checked: own?.ratings[ingredient.key] === n }),
        h('span', { text: String(n) })))),
      h('p', { class: 'hint scale-ends', text: '1: not much this week · 5: strongly' }))),
    labelled('checkin-note', 'A note, if you like', h('textarea', { id: 'checkin-note', rows: 3, maxlength: 2000, text: own?.note ?? '' })),
    formError,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', class: 'primary', id: 'checkin-save', text: own ? 'Update my answers' : 'Save my answers' })));
  onSubmit(form, formError, 'Saving…', async () => {
    const ratings = {};
    for (const { key, label } of INGREDIENTS) {
      const chosen = form.querySelector(`input[name="${key}"]:checked`);
      if (!chosen) throw new Error(`Choose a number for ${label.toLowerCase()}.`);
      ratings[key] = Number(chosen.value);
    }
    await answered(await api.answerCheckin(me.id, ratings, value('checkin-note')));
  });
  return form;
}

// Both answers, one row per ingredient, and the notes.
function reveal(app, week) {
  const [a, b] = [nameOf(app.status, 'a'), nameOf(app.status, 'b')];
  return h('div', { class: 'card', id: 'checkin-reveal', 'aria-labelledby': 'reveal-heading' },
    h('h2', { id: 'reveal-heading', text: 'Both of you answered' }),
    h('table', { class: 'side-by-side' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'This week' }), h('th', { scope: 'col', text: a }), h('th', { scope: 'col', text: b }))),
      h('tbody', {}, INGREDIENTS.map(({ key, label }) => h('tr', {},
        h('th', { scope: 'row', text: label }),
        h('td', { class: 'rating-a', text: String(week.a.ratings[key]) }),
        h('td', { class: 'rating-b', text: String(week.b.ratings[key]) }))))),
    [[a, week.a.note], [b, week.b.note]].filter(([, note]) => note).map(([name, note]) =>
      h('p', { class: 'entry-body' }, h('strong', { text: `${name}: ` }), note)),
    h('p', { class: 'hint', text: 'Where your numbers differ, ask about it with curiosity: what made it a 2 or a 4 for you this week?' }));
}

// One small chart per ingredient: two lines, one per partner, told apart by colour, dash and
// marker shape, so they read in both colour schemes and without colour.
function trendChart(app, weeks) {
  if (weeks.length === 0) {
    return [h('p', { class: 'hint', id: 'trends-empty', text: 'Your answers over the weeks appear here once you have both answered a check-in.' })];
  }
  const [a, b] = [nameOf(app.status, 'a'), nameOf(app.status, 'b')];
  const width = 320;
  const height = 140;
  const pad = { left: 28, right: 12, top: 12, bottom: 28 };
  const x = (i) => pad.left + (weeks.length === 1 ? (width - pad.left - pad.right) / 2
    : (i * (width - pad.left - pad.right)) / (weeks.length - 1));
  const y = (score) => pad.top + ((5 - score) * (height - pad.top - pad.bottom)) / 4;
  const line = (who, key) => weeks.map((w, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(w[who].ratings[key]).toFixed(1)}`).join(' ');
  const charts = INGREDIENTS.map(({ key, label }) => {
    const summary = `${label}: ${weeks.map((w) => `${w.week}, ${a} ${w.a.ratings[key]}, ${b} ${w.b.ratings[key]}`).join('; ')}`;
    return h('figure', { class: 'trend' },
      h('figcaption', { text: label }),
      svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary, class: 'trend-chart', 'data-ingredient': key },
        [1, 3, 5].map((score) => [
          svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(score), y2: y(score) }),
          svg('text', { class: 'axis', x: pad.left - 8, y: y(score) + 4, 'text-anchor': 'end', text: String(score) }),
        ]),
        weeks.map((w, i) => svg('text', { class: 'axis', x: x(i), y: height - 8, 'text-anchor': 'middle', text: w.week.slice(5) })),
        svg('path', { class: 'series-a', d: line('a', key) }),
        svg('path', { class: 'series-b', d: line('b', key) }),
        weeks.map((w, i) => [
          svg('circle', { class: 'point-a', cx: x(i), cy: y(w.a.ratings[key]), r: 4.5 }),
          svg('rect', { class: 'point-b', x: x(i) - 4, y: y(w.b.ratings[key]) - 4, width: 8, height: 8 }),
        ])));
  });
  return [
    h('p', { class: 'legend' },
      h('span', { class: 'key-a', text: `● ${a}` }), ' ', h('span', { class: 'key-b', text: `■ ${b} (dashed)` })),
    h('div', { class: 'trend-grid', id: 'trend-grid' }, charts),
  ];
}

// The four enemies, on one's own: a question to sit with and an answer only the writer can read.
function reflectionCard(app) {
  const here = unlockedPartners(app.status);
  const error = errorSlot('reflection-error');
  const done = statusLine('reflection-status');
  const enemy = h('select', { id: 'reflection-enemy' });
  const about = h('p', { class: 'hint', id: 'reflection-about' });
  const questions = h('ul', { class: 'questions', id: 'reflection-questions' });
  const writer = h('select', { id: 'reflection-writer' }, options(here.map((p) => [p.id, p.name]), here[0]?.id));
  let topics = [];
  const show = () => {
    const topic = topics.find((t) => t.enemy === enemy.value);
    about.textContent = topic?.about ?? '';
    questions.replaceChildren(...(topic?.questions ?? []).map((q) => h('li', { text: q })));
  };
  enemy.addEventListener('change', show);
  api.reflectionTopics().then((list) => {
    topics = list;
    enemy.replaceChildren(...options(list.map((t) => [t.enemy, t.label]), list[0]?.enemy));
    show();
  }).catch((err) => showError(error, err));

  const form = h('form', { class: 'card', id: 'reflection-form', 'aria-labelledby': 'reflection-title' },
    h('h2', { id: 'reflection-title', text: 'A private reflection' }),
    h('p', { text: 'Four habits quietly wear a relationship down: selfishness, dishonesty, entitlement and resentment. Pick one and sit with its questions. What you write goes into your own private space; no one else can read it.' }),
    h('div', { class: 'row' },
      labelled('reflection-enemy', 'Reflect on', enemy),
      here.length > 1 ? labelled('reflection-writer', 'Who is writing', writer) : null),
    about, questions,
    labelled('reflection-body', 'Your thoughts', h('textarea', { id: 'reflection-body', rows: 5, required: true })),
    done, error,
    h('div', { class: 'actions start' }, h('button', { type: 'submit', id: 'reflection-save', text: 'Keep it in my private space' })));
  onSubmit(form, error, 'Saving…', async () => {
    const who = writer.value || here[0]?.id;
    await api.saveReflection(who, enemy.value, value('reflection-body'));
    form.querySelector('#reflection-body').value = '';
    done.textContent = `Kept in ${nameOf(app.status, who)}'s private space. Find it in the Journal under #reflection.`;
  });
  return form;
}
