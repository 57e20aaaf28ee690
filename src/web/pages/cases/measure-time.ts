import { TIME_ZONE } from '../../lib/amsterdam-time.ts';

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * An instant as the value of an <input type="datetime-local"> on the Dutch wall clock
 * ("2026-06-29T14:00"), the inverse of amsterdamLocalToIso; empty for anything unreadable.
 */
export function isoToAmsterdamLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(wallClock.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
