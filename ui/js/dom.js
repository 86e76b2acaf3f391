// Building DOM without HTML strings: text always goes in as text, never as markup.
//
// The widget vocabulary the screens share: `h` and `svg`, `labelled` (a label and its control),
// `field` (a labelled input with a hint), `statusLine`, `errorSlot`, `busy` and `onSubmit` for
// forms, `confirmInPlace` and `confirmWithPassphrase`, and `every` for timers. A sub-component is
// a function that returns its element; one the screen also talks to returns `{ element, ...methods }`.

export function h(tag, props = {}, ...children) {
  return fill(document.createElement(tag), props, children);
}

// The same for SVG, which needs its own namespace.
export function svg(tag, props = {}, ...children) {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), props, children);
}

// Attributes, listeners (`on…`) and text; children may nest in arrays to any depth (a chart is
// built from maps of maps), and null, undefined or false ones are left out.
function fill(element, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') element.textContent = value;
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

// Runs `work` every `ms` until `signal` (a screen's `app.signal`) aborts, so a timer never outlives
// the screen that started it. Returns a function that stops it sooner.
export function every(ms, work, signal) {
  if (signal.aborted) return () => {};
  const timer = setInterval(work, ms);
  const stop = () => clearInterval(timer);
  signal.addEventListener('abort', stop, { once: true });
  return stop;
}

// A small padlock drawn in the text colour, for whatever only one partner can read.
export function lockMark() {
  return svg('svg', { class: 'lock-mark', viewBox: '0 0 16 16', width: 14, height: 14, 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { x: 3, y: 7, width: 10, height: 8, rx: 1.5, fill: 'currentColor' }),
    svg('path', { d: 'M5 7V5a3 3 0 0 1 6 0v2', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.6 }));
}

// A labelled input with an optional hint, wired for screen readers.
export function field({ id, label, type = 'text', autocomplete = 'off', hint, required = true, ...rest }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    h('input', { id, name: id, type, autocomplete, required, 'aria-describedby': hintId, spellcheck: 'false', ...rest }),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
  );
}

// A label above its control, wired together; `extra` (a hint, say) follows the control.
export function labelled(id, label, control, ...extra) {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control, ...extra);
}

// A line that tells what just happened (saved, copied, exported); screen readers read it out.
export function statusLine(id, kind = 'progress') {
  return h('p', { class: kind, role: 'status', id });
}

// The place each form shows its error; role=alert makes screen readers announce it.
export function errorSlot(id) {
  return h('p', { class: 'error', id, role: 'alert' });
}

export function showError(slot, error) {
  slot.textContent = error ? error.message : '';
}

// Disables a form while `work` runs and shows what is happening, so a slow unlock never looks stuck.
export async function busy(form, label, work) {
  const controls = [...form.querySelectorAll('input, button, select')];
  // Its own line, so a form's own status note (what was saved) is never wiped by the spinner.
  const status = form.querySelector('.busy') ?? form.appendChild(
    h('p', { class: 'progress busy', role: 'status' }),
  );
  controls.forEach((c) => { c.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  status.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
  try {
    return await work();
  } finally {
    controls.forEach((c) => { c.disabled = false; });
    form.removeAttribute('aria-busy');
    status.replaceChildren();
  }
}

// Wires a form's submit: clears the old error, runs `work` with the form busy, and shows any error
// in plain words. `work` may throw an Error of its own for checks made in the page.
export function onSubmit(form, error, label, work, onError) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(error, null);
    try {
      await busy(form, label, work);
    } catch (err) {
      showError(error, err);
      onError?.(err);
    }
  });
}

// Runs `pending` (a call that changes something), then `refresh`, showing any error in `slot`.
export async function changeThenRefresh(pending, refresh, slot) {
  try {
    await pending;
    await refresh();
  } catch (err) {
    showError(slot, err);
  }
}

// Asks "are you sure?" inside a row of actions rather than in a dialog, so it stays in reach of the
// keyboard; focus lands on the safe choice. `action` names what the confirming button does.
export function confirmInPlace(actions, { question, action = 'Delete', confirmId, onConfirm, onKeep }) {
  const keep = h('button', { type: 'button', class: 'quiet', text: 'Keep it', onclick: onKeep });
  actions.replaceChildren(
    h('span', { class: 'hint', role: 'alert', text: question }),
    h('button', { type: 'button', class: 'primary', id: confirmId, text: action, onclick: onConfirm }),
    keep);
  keep.focus();
}

// As confirmInPlace, for what needs a partner's own passphrase at that moment (sharing or deleting
// from a private space while the two sit together): the question, a passphrase field, and the
// action. `onConfirm` gets the passphrase; an error it throws is shown beside the field.
export function confirmWithPassphrase(actions, { question, label, idPrefix, action, onConfirm, onKeep }) {
  const error = errorSlot(`${idPrefix}-error`);
  const pass = h('input', { id: `${idPrefix}-pass`, type: 'password', autocomplete: 'current-password', spellcheck: 'false' });
  const go = h('button', { type: 'button', class: 'primary', id: `${idPrefix}-confirm`, text: action });
  const keep = h('button', { type: 'button', class: 'quiet', text: 'Keep it', onclick: onKeep });
  const submit = async () => {
    showError(error, null);
    try {
      await onConfirm(pass.value);
    } catch (err) {
      showError(error, err);
      pass.select();
    }
  };
  go.addEventListener('click', submit);
  pass.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  });
  actions.replaceChildren(h('div', { class: 'field' },
    h('p', { class: 'hint', role: 'alert', text: question }),
    h('label', { for: pass.id, text: label }), pass, error,
    h('div', { class: 'actions start' }, go, keep)));
  pass.focus();
}

export function mustMatch(first, second, message) {
  if (value(first) !== value(second)) throw new Error(message);
}

export function value(id) {
  return document.getElementById(id).value;
}
