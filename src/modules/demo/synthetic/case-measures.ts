import { DateTime } from 'luxon';
import {
  canRecordMeasure,
  checkMeasureParties,
  DEFAULT_MEASURE_CATEGORY,
  type MeasureAuthority,
  type MeasurePart,
} from '../../../domain/casework/measure-authority.ts';
import {
  computeEnd,
  computeMaximumEnd,
  extendMeasure,
  type Measure,
  type MeasureKind,
} from '../../../domain/casework/measure-clock.ts';
import type { OrganisationType } from '../../../domain/organisation-type.ts';
import { AMSTERDAM } from '../../../domain/working-days.ts';
import type { BulkWriter } from './bulk-writer.ts';
import { type Calendar, DAY, HOUR } from './calendar.ts';
import { CALIBRATION } from './calibration.ts';
import type { IdSource } from './ids.ts';
import type { SyntheticPerson } from './people.ts';
import type { Random } from './random.ts';
import type { SteeredMeasureKind } from './region-plan.ts';
import type { StaffMember } from './staff.ts';
import { MEASURE_EXTENSION_REASONS, MEASURE_LIFT_REASONS, MEASURE_NOTES } from './texts.ts';

/**
 * The measures of one case, written once the case can no longer change. Steered starts (orders,
 * crisis care, shelter stays) come from the region's simulation; intensive case management and Aware
 * follow from them. Every clock goes through src/domain/casework/measure-clock.ts as the measure
 * service does: `end_at` is computeEnd over the recorded extensions, `maximum_end_at`
 * computeMaximumEnd, each extension passes extendMeasure at its moment (so never past 28 days for
 * an order, never for crisis care), a lift passes liftMeasure. A step at or after the end of the
 * period, or before the measure was recorded on the case, did not happen (yet).
 */
export interface MeasureStart {
  kind: SteeredMeasureKind;
  incidentAt: number;
  knownAt: number;
  /** The incident was (ex-)partner violence. */
  partner: boolean;
}

export interface MeasureCase {
  id: string;
  reference: string;
  openedAt: number;
  closedAt: number | null;
  members: readonly { id: string; person: SyntheticPerson }[];
  measureStarts: readonly MeasureStart[];
  phases: readonly { to: string; at: number }[];
  coordinatorAt(at: number): StaffMember;
  activeTeamAt(at: number): readonly { member: StaffMember; role: string }[];
}

export interface MeasureTools {
  calendar: Calendar;
  rng: Random;
  ids: IdSource;
  asOf: number;
  veiligThuis: readonly StaffMember[];
  organisationTypes: ReadonlyMap<string, OrganisationType>;
}

export interface WrittenMeasure {
  kind: MeasureKind;
  imposedAt: number;
  recordedAt: number;
  partner: boolean;
}

interface Draft {
  kind: MeasureKind;
  imposedAt: number;
  recordedAt: number;
  recorder: StaffMember;
  decidedBy: MeasureAuthority;
  members: { memberId: string; part: MeasurePart }[];
  /** The next extension wanted while the current end is `currentEnd`, or null. */
  nextExtension?: (currentEnd: number, count: number) => { at: number; newEnd: number } | null;
  /** The wanted lift, knowing the end of the initial term. */
  lift?: (firstEnd: number) => { at: number; decidedBy: MeasureAuthority } | null;
}

const wallPlus = (at: number, duration: { days?: number; months?: number }) =>
  DateTime.fromMillis(at, { zone: AMSTERDAM }).plus(duration).toMillis();

export async function writeCaseMeasures(
  writer: BulkWriter,
  kase: MeasureCase,
  tools: MeasureTools,
): Promise<{ rows: number; written: WrittenMeasure[] }> {
  const { calendar, rng, asOf } = tools;
  const written: WrittenMeasure[] = [];
  let rows = 0;
  const office = (at: number, limit = Number.POSITIVE_INFINITY) => {
    const moved = calendar.toOfficeHours(at, rng);
    return moved < limit ? moved : at;
  };
  const typeOf = (m: StaffMember) => tools.organisationTypes.get(m.organisationId);
  const teamOf = (at: number, types: readonly OrganisationType[]) =>
    kase.activeTeamAt(at).filter((s) => types.includes(typeOf(s.member) as OrganisationType));
  const adults = (at: number) => kase.members.filter((m) => calendar.isAdultOn(m.person.dateOfBirth, at));
  const children = kase.members.filter((m) => m.person.role === 'child');
  const closedBy = (at: number) => (kase.closedAt !== null && kase.closedAt > at ? kase.closedAt : null);

  const write = async (draft: Draft, partner: boolean): Promise<number | null> => {
    if (draft.imposedAt >= asOf || draft.recordedAt >= asOf || draft.members.length === 0) return null;
    if (!canRecordMeasure(draft.kind, typeOf(draft.recorder) ?? 'other'))
      throw new Error(`synthetic ${draft.kind} recorded by an organisation that may not record it`);
    const born = new Map(kase.members.map((m) => [m.id, m.person.dateOfBirth]));
    const parties = draft.members.map((m) => ({ part: m.part, dateOfBirth: born.get(m.memberId) ?? '' }));
    if (!checkMeasureParties(draft.kind, parties, new Date(draft.imposedAt)).ok)
      throw new Error(`synthetic ${draft.kind} with members the rules refuse`);
    let measure: Measure = {
      kind: draft.kind,
      imposedAt: new Date(draft.imposedAt),
      extensions: [],
      liftedAt: null,
    };
    const extensions: { at: number; previousEnd: number; newEnd: number }[] = [];
    let end = computeEnd(draft.kind, measure.imposedAt, []).getTime();
    const wantedLift = draft.lift?.(end) ?? null;
    const lift = wantedLift && wantedLift.at < asOf && wantedLift.at > draft.recordedAt ? wantedLift : null;
    for (let count = 0; count < 6 && draft.nextExtension; count++) {
      const wanted = draft.nextExtension(end, count);
      if (!wanted || wanted.at >= asOf || wanted.at <= draft.recordedAt) break;
      if (lift && lift.at <= wanted.at) break;
      const result = extendMeasure(measure, new Date(wanted.newEnd), new Date(wanted.at));
      if (!result.ok) break;
      measure = result.measure;
      extensions.push({ at: wanted.at, previousEnd: end, newEnd: wanted.newEnd });
      // extendMeasure allowed it: later than the end and within the maximum, so computeEnd gives it.
      end = wanted.newEnd;
    }
    // liftMeasure's rule for a measure not lifted before: it may be lifted until its end.
    const lifted = lift && lift.at < end ? lift : null;
    const id = tools.ids.next('measure');
    rows += 1 + draft.members.length + extensions.length;
    await writer.add('case_measure', {
      id,
      case_id: kase.id,
      kind: draft.kind,
      category: DEFAULT_MEASURE_CATEGORY[draft.kind],
      imposed_at: draft.imposedAt,
      decided_by: draft.decidedBy,
      decision_reference:
        draft.kind === 'restraining_order'
          ? `${kase.reference}-HV${written.filter((w) => w.kind === 'restraining_order').length + 1}`
          : null,
      note: MEASURE_NOTES[draft.kind] ?? null,
      end_at: end,
      maximum_end_at: computeMaximumEnd(draft.kind, measure.imposedAt)?.getTime() ?? null,
      lifted_at: lifted?.at ?? null,
      lifted_reason: lifted ? (MEASURE_LIFT_REASONS[draft.kind] ?? null) : null,
      lifted_decided_by: lifted?.decidedBy ?? null,
      lifted_by_user_id: lifted ? draft.recorder.userId : null,
      recorded_by_user_id: draft.recorder.userId,
      organisation_id: draft.recorder.organisationId,
      recorded_at: draft.recordedAt,
    });
    for (const m of draft.members)
      await writer.add('case_measure_member', { measure_id: id, member_id: m.memberId, part: m.part });
    for (const e of extensions)
      await writer.add('case_measure_extension', {
        id: tools.ids.next('measureExtension'),
        measure_id: id,
        previous_end_at: e.previousEnd,
        new_end_at: e.newEnd,
        reason: MEASURE_EXTENSION_REASONS[draft.kind] ?? '',
        decided_by: draft.kind === 'restraining_order' ? 'mayor' : draft.decidedBy,
        recorded_by_user_id: draft.recorder.userId,
        organisation_id: draft.recorder.organisationId,
        recorded_at: e.at,
      });
    written.push({ kind: draft.kind, imposedAt: draft.imposedAt, recordedAt: draft.recordedAt, partner });
    return lifted?.at ?? end;
  };

  for (const start of kase.measureStarts) {
    if (start.kind === 'restraining_order') {
      const imposedAt = Math.max(calendar.start, start.incidentAt - rng.between(1, 18) * HOUR);
      const recordedAt = office(Math.max(start.knownAt, imposedAt) + rng.between(0.3, 24) * HOUR);
      const grown = adults(imposedAt);
      const subject =
        grown.find((m) => m.person.role === 'perpetrator') ?? grown.find((m) => m.person.role === 'both');
      if (!subject) continue;
      const police = teamOf(recordedAt, ['police']);
      const recorder = police.length > 0 ? rng.pick(police).member : rng.pick(tools.veiligThuis);
      const extend = rng.chance(CALIBRATION.restrainingOrderExtendedShare);
      const toMaximum = rng.chance(CALIBRATION.restrainingOrderExtendedToMaximumShare);
      const lifted = rng.chance(CALIBRATION.restrainingOrderLiftedShare);
      await write(
        {
          kind: 'restraining_order',
          imposedAt,
          recordedAt,
          recorder,
          decidedBy: 'mayor',
          members: kase.members.map((m) => ({
            memberId: m.id,
            part: m.id === subject.id ? 'subject' : 'protected',
          })),
          nextExtension: (firstEnd, count) =>
            extend && count === 0
              ? {
                  at: office(imposedAt + rng.between(6.5, 9.6) * DAY, firstEnd - HOUR),
                  newEnd: toMaximum
                    ? (computeMaximumEnd('restraining_order', new Date(imposedAt))?.getTime() ?? firstEnd)
                    : wallPlus(imposedAt, { days: rng.int(14, 27) }),
                }
              : null,
          lift: () =>
            lifted
              ? { at: imposedAt + rng.between(2, 8) * DAY, decidedBy: rng.chance(0.5) ? 'mayor' : 'court' }
              : null,
        },
        start.partner,
      );
    } else if (start.kind === 'crisis_care') {
      const imposedAt = Math.max(calendar.start, start.incidentAt + rng.between(0.5, 8) * HOUR);
      const recordedAt = office(Math.max(start.knownAt, imposedAt) + rng.between(1, 30) * HOUR);
      const care = teamOf(recordedAt, ['care_provider']);
      const byVeiligThuis = care.length === 0 || rng.chance(0.6);
      const recorder = byVeiligThuis ? rng.pick(tools.veiligThuis) : rng.pick(care).member;
      const decidedBy: MeasureAuthority = byVeiligThuis ? 'veilig_thuis' : 'care_provider';
      const inNeed = kase.members.filter((m) => ['victim', 'child', 'witness'].includes(m.person.role));
      const fullTerm = rng.chance(CALIBRATION.crisisCareFullTermShare);
      const closes = closedBy(imposedAt);
      await write(
        {
          kind: 'crisis_care',
          imposedAt,
          recordedAt,
          recorder,
          decidedBy,
          members: (inNeed.length > 0 ? inNeed : kase.members).map((m) => ({
            memberId: m.id,
            part: 'subject' as const,
          })),
          lift: (end) => {
            let liftAt = fullTerm ? null : office(imposedAt + rng.between(4, 38) * DAY, end - HOUR);
            if (closes !== null && closes < end && (liftAt === null || closes < liftAt))
              liftAt = closes - HOUR;
            return liftAt === null ? null : { at: liftAt, decidedBy };
          },
        },
        start.partner,
      );
    } else {
      const imposedAt = start.incidentAt + rng.between(0.1, 3) * DAY;
      const recordedAt = office(Math.max(start.knownAt, imposedAt) + rng.between(1, 48) * HOUR);
      const victims = adults(imposedAt).filter((m) => m.person.role === 'victim');
      if (victims.length === 0) continue;
      const shelter = teamOf(recordedAt, ['shelter']);
      const recorder = shelter.length > 0 ? rng.pick(shelter).member : kase.coordinatorAt(recordedAt);
      const days = Math.min(365, Math.max(2, rng.logNormal(CALIBRATION.shelterStayMedianDays, 0.85)));
      let leaves = imposedAt + days * DAY;
      const closes = closedBy(imposedAt);
      if (closes !== null && closes < leaves)
        leaves = Math.max(imposedAt + DAY, closes - rng.between(0, 3) * DAY);
      await write(
        {
          kind: 'shelter_stay',
          imposedAt,
          recordedAt,
          recorder,
          decidedBy: 'shelter',
          members: [...victims, ...children].map((m) => ({ memberId: m.id, part: 'subject' as const })),
          nextExtension: (currentEnd) =>
            leaves > currentEnd - DAY
              ? {
                  at: office(currentEnd - rng.between(2, 12) * DAY, currentEnd - HOUR),
                  newEnd: wallPlus(currentEnd, { months: 3 }),
                }
              : null,
          lift: () => ({ at: leaves, decidedBy: 'shelter' }),
        },
        start.partner,
      );
    }
  }

  // What follows an order (and some crisis care): intensive case management, and Aware for a victim
  // of (ex-)partner violence.
  const followed = [...written];
  let icmUntil = 0;
  for (const base of followed) {
    const icmShare =
      base.kind === 'restraining_order'
        ? CALIBRATION.intensiveCaseManagementAfterOrderShare
        : base.kind === 'crisis_care'
          ? CALIBRATION.intensiveCaseManagementAfterCrisisShare
          : 0;
    if (icmShare > 0 && rng.chance(icmShare)) {
      const imposedAt = office(base.imposedAt + rng.between(0.5, 4) * DAY);
      const recordedAt = Math.max(base.recordedAt + HOUR, office(imposedAt + rng.between(0, 2) * DAY));
      if (imposedAt >= icmUntil) {
        const finished = kase.phases.find(
          (p) => p.at > imposedAt && (p.to === 'recovery' || p.to === 'closed'),
        );
        const liftAt = finished ? finished.at - rng.between(0, 2) * DAY : null;
        const grown = adults(imposedAt);
        const until = await write(
          {
            kind: 'intensive_case_management',
            imposedAt,
            recordedAt,
            recorder: kase.coordinatorAt(recordedAt),
            decidedBy: 'municipality',
            members: [
              ...grown.map((m) => ({ memberId: m.id, part: 'subject' as const })),
              ...children
                .filter((m) => !grown.includes(m))
                .map((m) => ({ memberId: m.id, part: 'protected' as const })),
            ],
            lift: () => (liftAt === null ? null : { at: liftAt, decidedBy: 'local_team' }),
          },
          base.partner,
        );
        if (until !== null) icmUntil = until;
      }
    }
    if (
      base.kind === 'restraining_order' &&
      base.partner &&
      rng.chance(CALIBRATION.awareAfterPartnerOrderShare)
    ) {
      const imposedAt = office(base.imposedAt + rng.between(1, 10) * DAY);
      const recordedAt = Math.max(base.recordedAt + HOUR, imposedAt + rng.between(0.2, 6) * HOUR);
      const victim = adults(imposedAt).find((m) => m.person.role === 'victim');
      if (!victim) continue;
      const extend = rng.chance(0.4);
      const closes = closedBy(imposedAt);
      const liftAt = closes ?? (rng.chance(0.3) ? imposedAt + rng.between(20, 80) * DAY : null);
      await write(
        {
          kind: 'aware_alarm',
          imposedAt,
          recordedAt,
          recorder: kase.coordinatorAt(recordedAt),
          decidedBy: 'veilig_thuis',
          members: [
            { memberId: victim.id, part: 'subject' },
            ...children.map((m) => ({ memberId: m.id, part: 'protected' as const })),
          ],
          nextExtension: (currentEnd, count) =>
            extend && count === 0
              ? {
                  at: office(currentEnd - rng.between(3, 14) * DAY, currentEnd - HOUR),
                  newEnd: wallPlus(currentEnd, { months: 3 }),
                }
              : null,
          lift: () => (liftAt === null ? null : { at: liftAt - HOUR, decidedBy: 'veilig_thuis' }),
        },
        base.partner,
      );
    }
  }
  return { rows, written };
}
