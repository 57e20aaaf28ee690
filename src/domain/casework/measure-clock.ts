import { DateTime, type DurationLikeObject } from 'luxon';
import { AMSTERDAM } from '../working-days.ts';
import { type LocalisedMessage, type Refusal, refuse } from './rule-result.ts';

/**
 * Measures with a clock: *tijdelijk huisverbod*, *crisishulp/crisisopvang*, *intensief
 * casemanagement*, *Aware-alarm* (an alarm for a victim) and *verblijf in de opvang* (shelter).
 */
export const MEASURE_KINDS = [
  'restraining_order',
  'crisis_care',
  'intensive_case_management',
  'aware_alarm',
  'shelter_stay',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export interface MeasureTerm {
  /** Term that applies from imposition until someone extends it. */
  initial: DurationLikeObject;
  /** Latest end, counted from imposition; null when no rule caps it. */
  maximum: DurationLikeObject | null;
  /** Where the term comes from, for the UI and the audit trail. */
  basis: string;
}

export type MeasureTerms = Readonly<Record<MeasureKind, MeasureTerm>>;

/**
 * Terms as data, so a region can override the defaults without code changes.
 * Durations are added on the Amsterdam wall clock: a 10-day order imposed on day D at 14:00 ends on
 * D+10 at 14:00 even when summer or winter time starts in between (then it lasts 239 or 241 real
 * hours). Our reading of "10 dagen": the order states its end by date and clock time, and people
 * read that in local time. The Algemene termijnenwet does not push the end to a working day: it
 * governs deadlines for acting, not how long a measure lasts, and art. 13 of the Wet tijdelijk
 * huisverbod excludes it for the order's terms explicitly. A wall-clock time that does not exist
 * (02:00–03:00 on the last Sunday of March) moves one hour later, never earlier.
 */
export const DEFAULT_MEASURE_TERMS: MeasureTerms = {
  restraining_order: {
    initial: { days: 10 },
    maximum: { days: 28 },
    basis: 'Wet tijdelijk huisverbod art. 2 (10 dagen) en art. 9 (verlenging tot ten hoogste 4 weken)',
  },
  crisis_care: {
    initial: { weeks: 6 },
    maximum: { weeks: 6 },
    basis: 'Regionale afspraak crisishulp: ten hoogste 6 weken (regioplannen, niet in wet nagezien)',
  },
  intensive_case_management: {
    initial: { years: 1 },
    maximum: { years: 1 },
    basis: 'Regionale afspraak intensief casemanagement: ten hoogste 1 jaar (regioplannen)',
  },
  aware_alarm: {
    initial: { months: 3 },
    maximum: null,
    basis: 'Standaardtermijn Aware, instelbaar per regio; geen wettelijk maximum',
  },
  shelter_stay: {
    initial: { months: 3 },
    maximum: null,
    basis: 'Standaardtermijn opvang, instelbaar per regio; geen wettelijk maximum',
  },
};

export interface MeasureExtension {
  /** The new end the decision sets (for an order: the mayor's *verlengingsbesluit*). */
  newEnd: Date;
  decidedAt: Date;
}

export interface Measure {
  kind: MeasureKind;
  imposedAt: Date;
  extensions: readonly MeasureExtension[];
  /** Set when the measure was lifted before its end (e.g. an order lifted once help is accepted). */
  liftedAt: Date | null;
}

function wallClock(date: Date): DateTime {
  return DateTime.fromJSDate(date, { zone: AMSTERDAM });
}

function termOf(kind: MeasureKind, terms: MeasureTerms): MeasureTerm {
  const term = terms[kind];
  if (term.maximum !== null) {
    const probe = wallClock(new Date(0));
    if (probe.plus(term.initial) > probe.plus(term.maximum))
      throw new RangeError(`initial term of ${kind} exceeds its maximum`);
  }
  return term;
}

/** The latest end the rules allow, or null when no maximum applies. */
export function computeMaximumEnd(
  kind: MeasureKind,
  imposedAt: Date,
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): Date | null {
  const { maximum } = termOf(kind, terms);
  return maximum === null ? null : wallClock(imposedAt).plus(maximum).toJSDate();
}

/**
 * Planned end: the initial term, or the latest extension if later. Capped at the maximum: the law
 * ends an order 28 days after imposition whatever a stored extension says (art. 9).
 */
export function computeEnd(
  kind: MeasureKind,
  imposedAt: Date,
  extensions: readonly MeasureExtension[],
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): Date {
  const initialEnd = wallClock(imposedAt).plus(termOf(kind, terms).initial).toMillis();
  const latest = extensions.reduce((end, e) => Math.max(end, e.newEnd.getTime()), initialEnd);
  const maximum = computeMaximumEnd(kind, imposedAt, terms);
  return new Date(maximum === null ? latest : Math.min(latest, maximum.getTime()));
}

export type ExtendRefusalCode =
  | 'measure_not_started'
  | 'measure_lifted'
  | 'measure_expired'
  | 'extension_not_later'
  | 'extension_exceeds_maximum';

function formatDutch(date: Date): string {
  return wallClock(date).setLocale('nl').toFormat('d MMMM yyyy HH:mm');
}

function formatEnglish(date: Date): string {
  return wallClock(date).setLocale('en-GB').toFormat('d MMMM yyyy HH:mm');
}

const EXTEND_REFUSALS: Readonly<
  Record<Exclude<ExtendRefusalCode, 'extension_exceeds_maximum'>, LocalisedMessage>
> = {
  measure_not_started: {
    nl: 'De maatregel is nog niet ingegaan en kan nog niet verlengd worden.',
    en: 'The measure has not started yet and cannot be extended.',
  },
  measure_lifted: {
    nl: 'De maatregel is opgeheven en kan niet meer verlengd worden.',
    en: 'The measure has been lifted and can no longer be extended.',
  },
  measure_expired: {
    nl: 'De maatregel is afgelopen; verlengen kan alleen zolang hij loopt.',
    en: 'The measure has ended; it can only be extended while it is running.',
  },
  extension_not_later: {
    nl: 'De nieuwe einddatum moet later liggen dan de huidige einddatum.',
    en: 'The new end must be later than the current end.',
  },
};

export type ExtendResult = { readonly ok: true; readonly measure: Measure } | Refusal<ExtendRefusalCode>;

/**
 * Record an extension decided at `now`. Refused once the measure has ended or was lifted (art. 9
 * extends a running order), when the new end is not later, or when it passes the maximum.
 * Who may decide (the mayor for an order) is an authorization question for the service.
 */
export function extendMeasure(
  measure: Measure,
  newEnd: Date,
  now: Date,
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): ExtendResult {
  const no = (code: Exclude<ExtendRefusalCode, 'extension_exceeds_maximum'>) =>
    refuse(code, EXTEND_REFUSALS[code]);
  const currentEnd = computeEnd(measure.kind, measure.imposedAt, measure.extensions, terms);
  if (now.getTime() < measure.imposedAt.getTime()) return no('measure_not_started');
  if (measure.liftedAt !== null && measure.liftedAt.getTime() <= now.getTime()) return no('measure_lifted');
  if (now.getTime() >= currentEnd.getTime()) return no('measure_expired');
  if (newEnd.getTime() <= currentEnd.getTime()) return no('extension_not_later');
  const maximum = computeMaximumEnd(measure.kind, measure.imposedAt, terms);
  if (maximum !== null && newEnd.getTime() > maximum.getTime()) {
    const basis = terms[measure.kind].basis;
    return refuse('extension_exceeds_maximum', {
      nl: `Verlengen kan tot uiterlijk ${formatDutch(maximum)}; de gevraagde einddatum ligt daarna (${basis}).`,
      en: `The measure can be extended until ${formatEnglish(maximum)} at the latest; the requested end is later (${basis}).`,
    });
  }
  return {
    ok: true,
    measure: { ...measure, extensions: [...measure.extensions, { newEnd, decidedAt: now }] },
  };
}

/** Short alias matching the casework issue's wording. */
export const extend = extendMeasure;

export type MeasureStatus = 'scheduled' | 'active' | 'expiring_soon' | 'expired' | 'lifted';

/** "Expiring soon" starts this long before the end, so the team can prepare an extension or aftercare. */
export const EXPIRING_SOON: DurationLikeObject = { days: 2 };

/**
 * Status at `at`. The end instant itself counts as expired (the order runs until, not through, it);
 * exactly two days before the end counts as expiring soon.
 */
export function computeMeasureStatus(
  measure: Measure,
  at: Date,
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): MeasureStatus {
  const end = computeEnd(measure.kind, measure.imposedAt, measure.extensions, terms);
  const t = at.getTime();
  if (t < measure.imposedAt.getTime()) return 'scheduled';
  if (
    measure.liftedAt !== null &&
    measure.liftedAt.getTime() <= t &&
    measure.liftedAt.getTime() < end.getTime()
  )
    return 'lifted';
  if (t >= end.getTime()) return 'expired';
  return t >= wallClock(end).minus(EXPIRING_SOON).toMillis() ? 'expiring_soon' : 'active';
}

/** Reminders before the end, in whole days on the Amsterdam wall clock. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [3, 1];

export interface MeasureReminder {
  daysBefore: number;
  at: Date;
  end: Date;
  /** Stable per end and offset: an extension moves the end and so yields fresh reminders. */
  key: string;
}

/** All reminder moments for the current end, earliest first; moments before imposition are dropped. */
export function listMeasureReminders(
  measure: Measure,
  daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS,
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): MeasureReminder[] {
  if (daysBefore.some((d) => !Number.isInteger(d) || d <= 0))
    throw new RangeError('reminder offsets must be positive whole days');
  const end = computeEnd(measure.kind, measure.imposedAt, measure.extensions, terms);
  return [...new Set(daysBefore)]
    .map((days) => ({
      daysBefore: days,
      at: wallClock(end).minus({ days }).toJSDate(),
      end,
      key: `${measure.kind}:${end.toISOString()}:${days}d`,
    }))
    .filter((r) => r.at.getTime() >= measure.imposedAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The one reminder to send now, if any: the latest moment that has passed, unless already sent.
 * A job that was down does not fire an outdated "3 days left" after the "1 day left" moment.
 * Nothing is due once the measure ended or was lifted.
 */
export function findDueReminder(
  measure: Measure,
  now: Date,
  sentKeys: ReadonlySet<string>,
  daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS,
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): MeasureReminder | null {
  const status = computeMeasureStatus(measure, now, terms);
  if (status !== 'active' && status !== 'expiring_soon') return null;
  const passed = listMeasureReminders(measure, daysBefore, terms).filter(
    (r) => r.at.getTime() <= now.getTime(),
  );
  const latest = passed.at(-1);
  return latest === undefined || sentKeys.has(latest.key) ? null : latest;
}

/**
 * The next reminder moment still ahead at `now` for the current end, or null when none is ahead or
 * the measure no longer runs. Shown on the case so the team knows when the next nudge comes.
 */
export function findNextReminder(
  measure: Measure,
  now: Date,
  daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS,
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): MeasureReminder | null {
  const status = computeMeasureStatus(measure, now, terms);
  if (status === 'expired' || status === 'lifted') return null;
  return listMeasureReminders(measure, daysBefore, terms).find((r) => r.at.getTime() > now.getTime()) ?? null;
}

export interface MeasureExpiry {
  end: Date;
  /** Stable per end: an expiry is recorded once, and an end cannot move after it passed. */
  key: string;
}

/** The expiry to record at `now`: the end has passed and the measure was not lifted before it. */
export function findExpiry(
  measure: Measure,
  now: Date,
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): MeasureExpiry | null {
  if (computeMeasureStatus(measure, now, terms) !== 'expired') return null;
  const end = computeEnd(measure.kind, measure.imposedAt, measure.extensions, terms);
  return { end, key: `${measure.kind}:${end.toISOString()}:expired` };
}

export type LiftRefusalCode = 'measure_lifted' | 'measure_expired';

const LIFT_REFUSALS: Readonly<Record<LiftRefusalCode, LocalisedMessage>> = {
  measure_lifted: {
    nl: 'De maatregel is al opgeheven.',
    en: 'The measure has already been lifted.',
  },
  measure_expired: {
    nl: 'De maatregel is al afgelopen; opheffen kan alleen zolang hij loopt of nog moet ingaan.',
    en: 'The measure has already ended; it can only be lifted while it runs or before it starts.',
  },
};

export type LiftResult = { readonly ok: true; readonly measure: Measure } | Refusal<LiftRefusalCode>;

/**
 * Lift (end early) at `now`: an order the mayor withdraws once help is accepted (art. 2 lid 9), or a
 * stay or alarm that is no longer needed. A measure that has not started yet may be cancelled the
 * same way. Refused once lifted or ended: the record of how it ended must not be rewritten.
 */
export function liftMeasure(
  measure: Measure,
  now: Date,
  terms: MeasureTerms = DEFAULT_MEASURE_TERMS,
): LiftResult {
  if (measure.liftedAt !== null) return refuse('measure_lifted', LIFT_REFUSALS.measure_lifted);
  if (computeMeasureStatus(measure, now, terms) === 'expired')
    return refuse('measure_expired', LIFT_REFUSALS.measure_expired);
  return { ok: true, measure: { ...measure, liftedAt: now } };
}
