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
