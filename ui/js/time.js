// Dates and times as the couple lives them: always in the computer's own time zone, never UTC.
// (An entry written at 21:00 in New York is dated that day, not the next.)

const pad = (n) => String(n).padStart(2, '0');

// The IANA zone this computer is set to, for the reminders the core places in it.
export const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

// YYYY-MM-DD of `when` (now by default), in local time.
export function localDate(when = new Date()) {
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

// The value a datetime-local field takes: `days` from today at `hour`:00, local time.
export function localDateTimeIn(days, hour = 19) {
  const when = new Date();
  when.setDate(when.getDate() + days);
  return `${localDate(when)}T${pad(hour)}:00`;
}

// Days from today to the next Sunday (7 when today is Sunday).
export function daysToNextSunday(when = new Date()) {
  return (7 - when.getDay()) % 7 || 7;
}

// The formats the screens show, in the computer's language. A plain date (YYYY-MM-DD) is read as
// noon local time, so no zone can move it to the day before; anything else is what Date reads.
const DAY = { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' };
const MOMENT = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };
const SHORT_MOMENT = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

function asDate(when) {
  if (when instanceof Date) return when;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T12:00:00` : when);
}

// "Sat, 21 November 2026": the day an entry, a note or an agreement belongs to.
export const dayText = (when) => asDate(when).toLocaleDateString(undefined, DAY);

// "Saturday 21 November, 19:00": when something will happen or happened.
export const momentText = (when) => asDate(when).toLocaleString(undefined, MOMENT);

// "Sat 21 Nov, 19:00": the same, where a list has little room.
export const shortMomentText = (when) => asDate(when).toLocaleString(undefined, SHORT_MOMENT);
