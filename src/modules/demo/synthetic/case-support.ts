import {
  canRecordSupport,
  checkSupportMember,
  DEFAULT_SUPPORT_CATEGORY,
  decideSupportOutcome,
  isPerpetratorRole,
  type SupportKind,
  type SupportOutcome,
} from '../../../domain/casework/support.ts';
import type { BulkWriter } from './bulk-writer.ts';
import { DAY } from './calendar.ts';
import { CALIBRATION } from './calibration.ts';
import type { MeasureCase, MeasureTools, WrittenMeasure } from './case-measures.ts';
import type { StaffMember } from './staff.ts';
import {
  EXPERIENCE_EXPERT_PROVIDER,
  PERPETRATOR_HELP_PROVIDERS,
  SUPPORT_NOTES,
  SUPPORT_OUTCOME_NOTES,
} from './texts.ts';

/**
 * Help offered around the case (src/db/migrations/0020-case-support.ts): perpetrator help for a
 * member whose role is perpetrator or both (src/domain/casework/support.ts), offered in most cases
 * with a restraining order (the order is meant to start help) and in some others; and an experience
 * expert in a small share of cases. An offer gets its outcome weeks later — used or declined — or
 * none when nobody answered or the period ended first. Recorded by the coordinator, or by Veilig
 * Thuis when the coordinator's organisation does not record offers.
 */
export async function writeCaseSupport(
  writer: BulkWriter,
  kase: MeasureCase,
  tools: MeasureTools,
  measures: readonly WrittenMeasure[],
): Promise<number> {
  const { calendar, rng, asOf } = tools;
  const closedAt = kase.closedAt ?? Number.POSITIVE_INFINITY;
  const until = Math.min(asOf, closedAt);
  let rows = 0;
  const recorderAt = (at: number): StaffMember => {
    const coordinator = kase.coordinatorAt(at);
    const type = tools.organisationTypes.get(coordinator.organisationId);
    return type && canRecordSupport(type) ? coordinator : rng.pick(tools.veiligThuis);
  };
  const offer = async (
    kind: SupportKind,
    memberId: string | null,
    provider: string,
    offeredAt: number,
    outcome: SupportOutcome | null,
    wantedOutcomeAt: number,
  ) => {
    const recorder = recorderAt(offeredAt);
    // The team records what became of an offer before it closes the case.
    const outcomeAt =
      wantedOutcomeAt < closedAt ? wantedOutcomeAt : Math.max(offeredAt, closedAt - 3_600_000);
    const decided =
      outcome !== null &&
      outcomeAt < asOf &&
      decideSupportOutcome({ offeredAt: new Date(offeredAt), outcome: null }, new Date(outcomeAt)).ok;
    const outcomeBy = decided ? recorderAt(outcomeAt) : null;
    rows++;
    await writer.add('case_support', {
      id: tools.ids.next('support'),
      case_id: kase.id,
      kind,
      member_id: memberId,
      provider,
      category: DEFAULT_SUPPORT_CATEGORY[kind],
      offered_at: offeredAt,
      note: SUPPORT_NOTES[kind] ?? null,
      outcome: decided ? outcome : null,
      outcome_at: decided ? outcomeAt : null,
      outcome_note: decided && outcome ? (SUPPORT_OUTCOME_NOTES[outcome] ?? null) : null,
      outcome_recorded_by_user_id: outcomeBy?.userId ?? null,
      recorded_by_user_id: recorder.userId,
      organisation_id: recorder.organisationId,
      recorded_at: offeredAt,
    });
  };

  const perpetrators = kase.members.filter((m) => isPerpetratorRole(m.person.role));
  const order = measures.find((m) => m.kind === 'restraining_order');
  const share = order
    ? CALIBRATION.perpetratorHelpOfferShareAfterOrder
    : CALIBRATION.perpetratorHelpOfferShare;
  const member = perpetrators[0];
  if (member && rng.chance(share)) {
    if (!checkSupportMember('perpetrator_help', { role: member.person.role }).ok)
      throw new Error('synthetic perpetrator help for a member who is not a perpetrator');
    const from = order
      ? Math.max(order.recordedAt, order.imposedAt + rng.between(2, 14) * DAY)
      : kase.openedAt;
    const offeredAt = calendar.toOfficeHours(from + (order ? 0 : rng.logNormal(21, 0.7)) * DAY, rng);
    const outcome = rng.weighted([
      ['used', CALIBRATION.perpetratorHelpUsedShare],
      ['declined', CALIBRATION.perpetratorHelpDeclinedShare],
      [null, 1 - CALIBRATION.perpetratorHelpUsedShare - CALIBRATION.perpetratorHelpDeclinedShare],
    ] as const);
    const outcomeAt = calendar.toOfficeHours(offeredAt + rng.logNormal(16, 0.6) * DAY, rng);
    if (offeredAt < until && offeredAt >= kase.openedAt)
      await offer(
        'perpetrator_help',
        member.id,
        rng.pick(PERPETRATOR_HELP_PROVIDERS),
        offeredAt,
        outcome,
        outcomeAt,
      );
  }

  if (rng.chance(CALIBRATION.experienceExpertShare)) {
    const lo = kase.openedAt + 14 * DAY;
    const hi = Math.min(until, kase.openedAt + 270 * DAY);
    const offeredAt = calendar.toOfficeHours(lo + rng.next() * Math.max(0, hi - lo), rng);
    const victim = kase.members.find((m) => m.person.role === 'victim');
    const outcome = rng.weighted([
      ['used', 0.75],
      ['declined', 0.2],
      [null, 0.05],
    ] as const);
    const outcomeAt = calendar.toOfficeHours(offeredAt + rng.between(3, 30) * DAY, rng);
    if (hi > lo && offeredAt < until)
      await offer(
        'experience_expert',
        victim && rng.chance(0.5) ? victim.id : null,
        EXPERIENCE_EXPERT_PROVIDER,
        offeredAt,
        outcome,
        outcomeAt,
      );
  }
  return rows;
}
