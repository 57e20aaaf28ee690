import type { EscalationLevel } from '../../../domain/casework/handover.ts';
import { type ParticipantType, summariseSafetyScores } from '../../../domain/casework/safety-score.ts';
import type { OrganisationType } from '../../../domain/organisation-type.ts';
import type { BulkWriter } from './bulk-writer.ts';
import { type Calendar, DAY } from './calendar.ts';
import { type PlannedClosure, planClosure, writeClosure } from './case-closure.ts';
import { type MeasureStart, writeCaseMeasures } from './case-measures.ts';
import { writeCaseSupport } from './case-support.ts';
import { type PlannedHandover, planCoordinationHandover, writeHandover } from './coordination-handover.ts';
import type { IdSource } from './ids.ts';
import type { SyntheticPerson } from './people.ts';
import { Random } from './random.ts';
import type { StaffMember } from './staff.ts';
import { ACTIONS, CONCERNS, CONDITIONS, IF_IT_GOES_WRONG, NOTE_BODIES, PHASE_REASONS } from './texts.ts';

/**
 * A household case's life as Kring's casework records it (issue 3): opened from a report, a team
 * that changes over time, a safety plan agreed before direct safety is left, MDA++/TOP-3 safety
 * assessments whose scores rise as the case progresses, GSV phase changes that follow the rules of
 * src/domain/casework/safety-phase.ts (one phase at a time, back only to direct safety, closing
 * only with an assessment of at most 30 days whose lowest score is at least 7), notes, actions and
 * a reasoned closure. When Veilig Thuis opened the case to keep following it (conditions and
 * follow-up, a multi-agency table) it coordinates through direct safety and then hands the
 * coordination to the local team (coordination-handover.ts). The life is planned ahead when the case
 * opens; a follow-up report about the household re-plans it from that moment ("a new incident can
 * move the case back"). Measures and offers of help are written with the case (case-measures.ts,
 * case-support.ts), from a random stream of the case's own so they do not shift the region's.
 */
type Phase = 'direct_safety' | 'stable_safety' | 'recovery' | 'monitoring' | 'closed';
const NEXT: Partial<Record<Phase, Phase>> = {
  direct_safety: 'stable_safety',
  stable_safety: 'recovery',
  recovery: 'monitoring',
  monitoring: 'closed',
};
/** Level of the average score a case needs before moving on from a phase, and days between assessments. */
const PHASE_RULES: Record<
  Exclude<Phase, 'closed'>,
  { level: number; minDays: number; interval: [number, number] }
> = {
  direct_safety: { level: 5, minDays: 21, interval: [21, 42] },
  stable_safety: { level: 6.2, minDays: 42, interval: [35, 70] },
  recovery: { level: 7, minDays: 42, interval: [42, 84] },
  monitoring: { level: 7.5, minDays: 56, interval: [42, 84] },
};
const CLOSE_MIN_SCORE = 7;
const INCIDENT_CHANCE = 0.035;

export interface CaseTools {
  calendar: Calendar;
  rng: Random;
  ids: IdSource;
  /** Nothing is planned at or after this instant (the end of the generated period). */
  end: number;
  /** Seed of the generation, for the case's own random stream. */
  seed: string;
  /** The region's escalation ladder for handovers. */
  escalation: readonly EscalationLevel[];
  organisationTypes: ReadonlyMap<string, OrganisationType>;
}

interface TeamSlot {
  id: string;
  member: StaffMember;
  role: string;
  joinedAt: number;
  joinedBy: string;
  leftAt: number | null;
  leftBy: string | null;
  /** The handover whose acceptance added this membership or ended it: kept with that handover. */
  addedBy?: string;
  endedBy?: string;
}
interface Assessment {
  id: string;
  at: number;
  by: StaffMember;
  concerns: string[];
  scores: { participantId: string; type: ParticipantType; label: string; score: number }[];
  min: number;
  median: number;
  actions: { id: string; description: string; owner: StaffMember; dueOn: string; dueAt: number }[];
}

export interface CaseTeamPools {
  coordinators: readonly StaffMember[];
  others: readonly { member: StaffMember; role: string }[];
  /** The region's Veilig Thuis staff (record orders and crisis care, escalate handovers). */
  veiligThuis: readonly StaffMember[];
  /** Set when Veilig Thuis coordinates first: the local organisation it hands coordination to. */
  handoverTo: { organisationId: string } | null;
}

export class SyntheticCase {
  readonly members: { id: string; person: SyntheticPerson }[];
  readonly reports: { reportId: string; at: number; by: string }[] = [];
  readonly team: TeamSlot[] = [];
  readonly phases: { id: string; from: Phase | null; to: Phase; reason: string; by: string; at: number }[] =
    [];
  readonly assessments: Assessment[] = [];
  readonly notes: { id: string; category: string; by: StaffMember; at: number }[] = [];
  readonly plans: {
    id: string;
    version: number;
    status: string;
    by: StaffMember;
    at: number;
    conditions: string[];
  }[] = [];
  readonly handovers: (PlannedHandover & { id: string })[] = [];
  /** Steered measures started by reports that reached the case (measure-steering.ts). */
  readonly measureStarts: MeasureStart[] = [];
  closedAt: number | null = null;
  closure: PlannedClosure | null = null;
  readonly openedBy: string;
  /** How fast safety improves in this household (score points per assessment). */
  readonly #pace: number;
  /** The case's own random stream: handovers, closure reasons, measures and help. */
  readonly #own: Random;
  /** The local coordinator Veilig Thuis means to hand the coordination to, while it coordinates. */
  readonly #receiver: StaffMember | null;

  constructor(
    readonly id: string,
    readonly reference: string,
    readonly regionId: number,
    readonly municipality: string,
    readonly openedAt: number,
    opener: StaffMember,
    persons: readonly SyntheticPerson[],
    readonly pools: CaseTeamPools,
    readonly tools: CaseTools,
  ) {
    const openedBy = opener.userId;
    this.openedBy = openedBy;
    this.#own = new Random(tools.seed, `case:${id}`);
    this.members = persons.map((person) => ({ id: tools.ids.next('caseMember'), person }));
    this.#pace = Math.min(2.4, tools.rng.logNormal(1.1, 0.4));
    const local = tools.rng.pick(pools.coordinators);
    // Veilig Thuis keeps following the household: its assessor, who opened the case, coordinates.
    const coordinator = pools.handoverTo ? opener : local;
    this.#receiver = pools.handoverTo ? local : null;
    this.#join(coordinator, 'coordinator', openedAt, openedBy);
    this.phases.push({
      id: tools.ids.next('phaseChange'),
      from: null,
      to: 'direct_safety',
      reason: 'Casus geopend vanuit melding [Synthetisch]',
      by: openedBy,
      at: openedAt,
    });
    const extra = tools.rng.weighted([
      [1, 0.4],
      [2, 0.4],
      [3, 0.2],
    ]);
    for (let i = 0; i < extra; i++)
      this.#joinOther(openedAt + tools.rng.between(0, 21) * DAY, coordinator.userId);
    this.#planFrom(openedAt, tools.rng.between(1.5, 4.5));
  }

  /** Veilig Thuis still coordinates a case it means to hand over. */
  #veiligThuisCoordinates(): boolean {
    return this.#receiver !== null && this.coordinator.organisationId !== this.#receiver.organisationId;
  }

  /** The coordinator at an instant (the current one when nobody held it then). */
  coordinatorAt(at: number): StaffMember {
    let found: TeamSlot | undefined;
    for (const s of this.team)
      if (s.role === 'coordinator' && s.joinedAt <= at && (s.leftAt === null || s.leftAt > at)) found = s;
    return found?.member ?? this.coordinator;
  }

  activeTeamAt(at: number): readonly { member: StaffMember; role: string }[] {
    return this.#activeAt(at);
  }

  get coordinator(): StaffMember {
    const coordinators = this.team.filter((s) => s.role === 'coordinator');
    const current = coordinators.filter((s) => s.leftAt === null);
    const slot = current[current.length - 1] ?? coordinators[coordinators.length - 1];
    if (!slot) throw new Error('case without coordinator');
    return slot.member;
  }

  phaseAt(at: number): Phase {
    let phase: Phase = 'direct_safety';
    for (const p of this.phases) if (p.at <= at) phase = p.to;
    return phase;
  }

  /** Not closed by then (it may open a little later, from a report assessed after this one). */
  isOpenAt(at: number): boolean {
    return this.closedAt === null || this.closedAt > at;
  }

  /**
   * A follow-up report arrives while the case is open: attach it, and on a new incident step back.
   * Returns whether it was a new incident (a moment a measure may start).
   */
  attachFollowUp(reportId: string, at: number, by: string): boolean {
    const { rng } = this.tools;
    this.reports.push({ reportId, at, by });
    if (!rng.chance(0.55)) return false;
    this.#truncateAfter(at);
    const phase = this.phaseAt(at);
    const coordinator = this.coordinator.userId;
    if (phase !== 'direct_safety') {
      this.phases.push({
        id: this.tools.ids.next('phaseChange'),
        from: phase,
        to: 'direct_safety',
        reason: PHASE_REASONS.direct_safety ?? '',
        by: coordinator,
        at: at + rng.between(1, 5) * DAY,
      });
    }
    const last = this.assessments[this.assessments.length - 1];
    this.#planFrom(at + 6 * DAY, Math.max(1, (last ? last.median : 4) - rng.between(1.5, 3.5)));
    return true;
  }

  #truncateAfter(at: number) {
    const keep = <T extends { at: number }>(list: T[]) => {
      const kept = list.filter((x) => x.at <= at);
      list.splice(0, list.length, ...kept);
    };
    keep(this.phases);
    keep(this.assessments);
    keep(this.notes);
    keep(this.plans);
    // A handover proposed by then goes on as planned (its answer does not depend on the incident);
    // one proposed later was never made, and nor were its changes to the team.
    const handovers = this.handovers.filter((h) => (h.steps[0]?.at ?? 0) <= at);
    this.handovers.splice(0, this.handovers.length, ...handovers);
    const kept = new Set(handovers.map((h) => h.id));
    const team = this.team.filter(
      (s) => s.joinedAt <= at || (s.addedBy !== undefined && kept.has(s.addedBy)),
    );
    for (const s of team)
      if (s.leftAt !== null && s.leftAt > at && !(s.endedBy !== undefined && kept.has(s.endedBy))) {
        s.leftAt = null;
        s.leftBy = null;
        delete s.endedBy;
      }
    this.team.splice(0, this.team.length, ...team);
    this.closedAt = null;
    this.closure = null;
  }

  #join(member: StaffMember, role: string, at: number, by: string, addedBy?: string) {
    this.team.push({
      id: this.tools.ids.next('teamMember'),
      member,
      role,
      joinedAt: at,
      joinedBy: by,
      leftAt: null,
      leftBy: null,
      ...(addedBy === undefined ? {} : { addedBy }),
    });
  }

  /**
   * After a forward step out of direct safety, Veilig Thuis proposes to hand the coordination to the
   * local team (at most twice, one open proposal at a time). On acceptance the receiver becomes
   * coordinator and the former coordinator stays in the team as a member, as takeOver in
   * handover-service.ts does.
   */
  #maybeHandOver(at: number) {
    const receiver = this.#receiver;
    const to = this.pools.handoverTo;
    if (!receiver || !to || !this.#veiligThuisCoordinates() || this.handovers.length >= 2) return;
    if (this.handovers.some((h) => h.settledAt > at)) return;
    const from = this.coordinator;
    const plan = planCoordinationHandover(
      {
        calendar: this.tools.calendar,
        rng: this.#own,
        end: this.tools.end,
        escalation: this.tools.escalation,
      },
      {
        coordinator: from,
        colleagues: this.pools.veiligThuis.filter((m) => m.organisationId === from.organisationId),
      },
      { organisationId: to.organisationId, coordinators: this.pools.coordinators, preferred: receiver },
      at,
    );
    if (!plan) return;
    const id = this.tools.ids.next('handover');
    this.handovers.push({ ...plan, id });
    const takeover = plan.takeover;
    if (!takeover) return;
    const by = takeover.by.userId;
    for (const s of this.team) {
      const former = s.role === 'coordinator' && s.member.userId === from.userId;
      const receiving =
        s.member.userId === takeover.receiver.userId && s.member.organisationId === to.organisationId;
      if ((former || receiving) && s.leftAt === null) {
        s.leftAt = takeover.at;
        s.leftBy = by;
        s.endedBy = id;
      }
    }
    this.#join(from, 'other', takeover.at, by, id);
    this.#join(takeover.receiver, 'coordinator', takeover.at, by, id);
  }

  #activeAt(at: number) {
    return this.team.filter((s) => s.joinedAt <= at && (s.leftAt === null || s.leftAt > at));
  }

  #joinOther(at: number, by: string) {
    if (at >= this.tools.end || this.pools.others.length === 0) return;
    const active = new Set(this.#activeAt(at).map((s) => `${s.member.userId}:${s.member.organisationId}`));
    const candidate = this.tools.rng.pick(this.pools.others);
    if (active.has(`${candidate.member.userId}:${candidate.member.organisationId}`)) return;
    // Joined later but still active: the partial unique index allows one active row per person.
    if (this.team.some((s) => s.member.userId === candidate.member.userId && s.leftAt === null)) return;
    this.#join(candidate.member, candidate.role, at, by);
  }

  #planFrom(from: number, startLevel: number) {
    const { rng, end, calendar } = this.tools;
    let level = startLevel;
    let phase = this.phaseAt(from);
    let phaseSince = this.phases
      .filter((p) => p.at <= from)
      .reduce((t, p) => Math.max(t, p.at), this.openedAt);
    let agreedAt = this.plans.find((p) => p.status === 'agreed')?.at ?? null;
    if (agreedAt === null) {
      const draft = calendar.toOfficeHours(from + rng.between(2, 9) * DAY, rng);
      if (draft < end) this.#planVersion('draft', draft);
      const agreed = calendar.toOfficeHours(draft + rng.between(4, 20) * DAY, rng);
      if (agreed < end) {
        this.#planVersion('agreed', agreed);
        agreedAt = agreed;
      }
    }
    let t = from + rng.between(3, 12) * DAY;
    while (phase !== 'closed') {
      t = calendar.toOfficeHours(t, rng);
      if (t >= end) break;
      const coordinator = this.coordinator;
      if (phase !== 'direct_safety' && rng.chance(INCIDENT_CHANCE)) {
        this.phases.push({
          id: this.tools.ids.next('phaseChange'),
          from: phase,
          to: 'direct_safety',
          reason: PHASE_REASONS.direct_safety ?? '',
          by: coordinator.userId,
          at: t,
        });
        phase = 'direct_safety';
        phaseSince = t;
        level = Math.max(1, level - rng.between(2, 3.5));
        t += rng.between(2, 7) * DAY;
        continue;
      }
      level = Math.min(
        9.6,
        Math.max(0.5, level + this.#pace * rng.between(0.3, 1.5) - (rng.chance(0.15) ? 1.2 : 0)),
      );
      const assessment = this.#assess(t, level);
      this.#churn(t);
      if (rng.chance(0.6)) this.#note(t + rng.between(0, 3) * DAY);
      const rule = PHASE_RULES[phase];
      const next = NEXT[phase];
      const ready =
        next !== undefined &&
        level >= rule.level &&
        t - phaseSince >= rule.minDays * DAY &&
        (phase !== 'direct_safety' || (agreedAt !== null && agreedAt <= t)) &&
        (next !== 'closed' || assessment.min >= CLOSE_MIN_SCORE);
      if (ready && next) {
        const at = calendar.toOfficeHours(
          t + (next === 'closed' ? rng.between(1, 20) : rng.between(0.1, 3)) * DAY,
          rng,
        );
        if (at >= end) break;
        const closure = next === 'closed' ? planClosure(this.#own, coordinator) : null;
        this.phases.push({
          id: this.tools.ids.next('phaseChange'),
          from: phase,
          to: next,
          reason: closure?.phaseReason ?? PHASE_REASONS[next] ?? '',
          by: coordinator.userId,
          at,
        });
        if (closure) {
          this.closedAt = at;
          this.closure = { reasonCode: closure.reasonCode, explanation: closure.explanation, by: closure.by };
          for (const s of this.team) if (s.leftAt === null) s.leftAt = at;
          break;
        }
        this.#maybeHandOver(at);
        if (rng.chance(0.5))
          this.#planVersion('agreed', calendar.toOfficeHours(at + rng.between(0, 5) * DAY, rng));
        phase = next;
        phaseSince = at;
      }
      const [lo, hi] = PHASE_RULES[phase as Exclude<Phase, 'closed'>].interval;
      t += rng.between(lo, hi) * DAY;
    }
  }

  #assess(at: number, level: number): Assessment {
    const { rng, ids, calendar } = this.tools;
    const year = new Date(at).getUTCFullYear();
    const scores: Assessment['scores'] = [];
    for (const m of this.members) {
      const age = year - Number(m.person.dateOfBirth.slice(0, 4));
      if (m.person.role === 'child' && age < 8) continue;
      const offset = m.person.role === 'victim' ? -0.7 : m.person.role === 'perpetrator' ? 0.6 : 0;
      scores.push({
        participantId: m.id,
        type: m.person.role === 'child' ? 'child' : 'household_member',
        label: m.person.fullName,
        score: clampScore(level + offset + rng.normal() * 0.8),
      });
    }
    const professionals = this.#activeAt(at).slice(0, rng.int(1, 2));
    for (const s of professionals)
      scores.push({
        participantId: s.member.userId,
        type: 'professional',
        label: s.member.label,
        score: clampScore(level - 0.3 + rng.normal() * 0.6),
      });
    const summary = summariseSafetyScores(
      scores.map((s) => ({ participantId: s.participantId, participantType: s.type, score: s.score })),
    );
    const recorder = this.coordinator;
    const concerns = pickDistinct(CONCERNS, rng.int(1, 3), rng);
    const team = this.#activeAt(at);
    const actions = pickDistinct(
      ACTIONS,
      rng.weighted([
        [1, 0.45],
        [2, 0.4],
        [3, 0.15],
      ]),
      rng,
    ).map((description) => {
      const dueAt = at + rng.between(14, 42) * DAY;
      return {
        id: ids.next('action'),
        description,
        owner: team.length > 0 ? rng.pick(team).member : recorder,
        dueOn: calendar.isoDate(dueAt),
        dueAt,
      };
    });
    const assessment: Assessment = {
      id: ids.next('assessment'),
      at,
      by: recorder,
      concerns,
      scores,
      min: summary?.min ?? 0,
      median: summary?.median ?? 0,
      actions,
    };
    this.assessments.push(assessment);
    return assessment;
  }

  #planVersion(status: 'draft' | 'agreed', at: number) {
    const version = this.plans.length + 1;
    this.plans.push({
      id: this.tools.ids.next('planVersion'),
      version,
      status,
      by: this.coordinator,
      at,
      conditions: pickDistinct(CONDITIONS, this.tools.rng.int(2, 4), this.tools.rng),
    });
  }

  #note(at: number) {
    const { rng } = this.tools;
    if (at >= this.tools.end) return;
    const active = this.#activeAt(at);
    const author = active.length > 0 ? rng.pick(active).member : this.coordinator;
    const category = rng.weighted([
      ['team', 0.55],
      ['organisation', 0.2],
      ['justice', 0.15],
      ['health', 0.1],
    ] as const);
    this.notes.push({ id: this.tools.ids.next('note'), category, by: author, at });
  }

  #churn(at: number) {
    const { rng } = this.tools;
    const active = this.#activeAt(at);
    const coordinator = this.coordinator;
    if (rng.chance(0.05)) {
      const leaving = active.filter((s) => s.role !== 'coordinator');
      if (leaving.length > 0) {
        const slot = rng.pick(leaving);
        slot.leftAt = at;
        slot.leftBy = coordinator.userId;
      }
    }
    if (rng.chance(0.07)) this.#joinOther(at + DAY, coordinator.userId);
    // While Veilig Thuis coordinates, the coordination changes only by handover.
    if (rng.chance(0.015) && this.pools.coordinators.length > 1 && !this.#veiligThuisCoordinates()) {
      const next = rng.pick(this.pools.coordinators);
      if (next.userId !== coordinator.userId && !active.some((s) => s.member.userId === next.userId)) {
        for (const s of active)
          if (s.role === 'coordinator') {
            s.leftAt = at;
            s.leftBy = coordinator.userId;
          }
        this.#join(next, 'coordinator', at, coordinator.userId);
      }
    }
  }

  /** Writes the case and everything in it; call once the case can no longer change. */
  async write(writer: BulkWriter, asOf: number): Promise<number> {
    const coordinator = this.coordinator;
    const phase = this.phaseAt(Number.POSITIVE_INFINITY);
    let rows = 1;
    await writer.add('household_case', {
      id: this.id,
      reference: this.reference,
      region_id: this.regionId,
      municipality_code: this.municipality,
      phase,
      coordinator_user_id: coordinator.userId,
      coordinator_organisation_id: coordinator.organisationId,
      opened_by_user_id: this.openedBy,
      opened_at: this.openedAt,
      closed_at: this.closedAt,
    });
    for (const [position, m] of this.members.entries()) {
      rows++;
      await writer.add('case_member', {
        id: m.id,
        case_id: this.id,
        position,
        full_name: m.person.fullName,
        date_of_birth: m.person.dateOfBirth,
        role: m.person.role,
        bsn_hash: m.person.bsnHash,
      });
    }
    for (const r of this.reports) {
      rows++;
      await writer.add('case_report', {
        report_id: r.reportId,
        case_id: this.id,
        attached_at: r.at,
        attached_by_user_id: r.by,
      });
    }
    for (const s of this.team) {
      rows++;
      await writer.add('case_team_member', {
        id: s.id,
        case_id: this.id,
        user_id: s.member.userId,
        organisation_id: s.member.organisationId,
        case_role: s.role,
        joined_at: s.joinedAt,
        joined_by_user_id: s.joinedBy,
        left_at: s.leftAt,
        left_by_user_id: s.leftAt === null ? null : (s.leftBy ?? coordinator.userId),
      });
    }
    for (const p of this.phases) {
      rows++;
      await writer.add('case_phase_change', {
        id: p.id,
        case_id: this.id,
        from_phase: p.from,
        to_phase: p.to,
        reason: p.reason,
        changed_by_user_id: p.by,
        changed_at: p.at,
      });
    }
    for (const a of this.assessments) {
      rows++;
      await writer.add('case_assessment', {
        id: a.id,
        case_id: this.id,
        assessed_at: a.at,
        recorded_by_user_id: a.by.userId,
        organisation_id: a.by.organisationId,
        concerns: a.concerns,
        min_score: a.min,
        median_score: a.median,
      });
      for (const [position, s] of a.scores.entries()) {
        rows++;
        await writer.add('case_assessment_score', {
          assessment_id: a.id,
          position,
          participant_id: s.participantId,
          participant_type: s.type,
          participant_label: s.label,
          score: s.score,
        });
      }
      for (const [position, action] of a.actions.entries()) {
        rows++;
        // Closed (done, or not done) around the due date when that lies well before the end of
        // the period; some stay open past their date, as overdue actions do.
        const closes =
          action.dueAt < asOf - 7 * DAY && (action.dueAt < asOf - 60 * DAY || this.tools.rng.chance(0.7));
        const status = closes ? (this.tools.rng.chance(0.9) ? 'done' : 'not_done') : 'open';
        await writer.add('case_action', {
          id: action.id,
          case_id: this.id,
          assessment_id: a.id,
          position,
          description: action.description,
          owner_user_id: action.owner.userId,
          due_on: action.dueOn,
          status,
        });
        if (status !== 'open') {
          rows++;
          await writer.add('case_action_status_change', {
            id: this.tools.ids.next('actionStatus'),
            action_id: action.id,
            from_status: 'open',
            to_status: status,
            note:
              status === 'done' ? 'Uitgevoerd [Synthetisch]' : 'Niet gelukt; opnieuw besproken [Synthetisch]',
            changed_by_user_id: action.owner.userId,
            organisation_id: action.owner.organisationId,
            changed_at: action.dueAt - this.tools.rng.between(0, 10) * DAY,
          });
        }
      }
    }
    for (const n of this.notes) {
      rows++;
      await writer.add('case_note', {
        id: n.id,
        case_id: this.id,
        category: n.category,
        organisation_id: n.by.organisationId,
        author_user_id: n.by.userId,
        body: NOTE_BODIES[n.category] ?? '',
        created_at: n.at,
      });
    }
    for (const p of this.plans) {
      rows++;
      const team = this.#activeAt(p.at);
      await writer.add('case_safety_plan_version', {
        id: p.id,
        case_id: this.id,
        version: p.version,
        status: p.status,
        conditions: p.conditions,
        agreements: p.conditions.slice(0, 2).map((c, i) => ({
          description: `Afspraak bij: ${c}`,
          ownerUserId: (team[i % Math.max(1, team.length)]?.member ?? p.by).userId,
          dueOn: this.tools.calendar.isoDate(p.at + 28 * DAY),
          status: p.at < asOf - 35 * DAY ? 'done' : 'open',
        })),
        if_it_goes_wrong: IF_IT_GOES_WRONG,
        change_note: p.version === 1 ? null : 'Plan bijgewerkt na de laatste beoordeling [Synthetisch]',
        changed_by_user_id: p.by.userId,
        organisation_id: p.by.organisationId,
        changed_at: p.at,
      });
    }
    if (this.closedAt !== null && this.closure)
      rows += await writeClosure(
        writer,
        this.tools.ids,
        { id: this.id, reference: this.reference, closedAt: this.closedAt },
        this.closure,
      );
    for (const h of this.handovers) rows += await writeHandover(writer, this.tools.ids, this.id, h);
    const tools = {
      calendar: this.tools.calendar,
      rng: this.#own,
      ids: this.tools.ids,
      asOf,
      veiligThuis: this.pools.veiligThuis,
      organisationTypes: this.tools.organisationTypes,
    };
    const measures = await writeCaseMeasures(writer, this, tools);
    rows += measures.rows;
    rows += await writeCaseSupport(writer, this, tools, measures.written);
    return rows;
  }
}

function clampScore(x: number): number {
  return Math.max(0, Math.min(10, Math.round(x)));
}

function pickDistinct(list: readonly string[], count: number, rng: Random): string[] {
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(rng.pick(list));
  return [...chosen];
}
