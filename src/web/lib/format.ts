import { TIME_ZONE } from './amsterdam-time.ts';

export type Language = 'nl' | 'en';

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** An instant, in Dutch time: "ma 2 jun 2025 14:05". */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: TIME_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** An instant written out, in Dutch time: "maandag 2 juni 2025 om 23:59". */
export function formatDateTimeLong(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: TIME_ZONE,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(date);
}

/** A calendar date such as a date of birth ("2014-05-03"); no time zone applies. */
export function formatCalendarDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** A month "2026-11" as "november 2026" (no time zone applies: the server already chose the month). */
export function formatMonth(isoMonth: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  if (!match) return isoMonth;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: 'UTC',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/**
 * A share 0..1 as a whole percentage, rounded down so a month just under a norm never shows the
 * norm itself (0.895 is "89%", not "90%", against a 90% norm).
 */
export function formatPercentage(share: number, language: Language): string {
  const whole = Math.floor(share * 100 + 1e-9) / 100;
  return new Intl.NumberFormat(LOCALE[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    whole,
  );
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language]).format(value);
}

/** Today's date in the Netherlands as "YYYY-MM-DD", the upper bound of a date of birth. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}
