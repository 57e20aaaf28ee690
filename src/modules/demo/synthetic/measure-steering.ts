import { type Calendar, DAY } from './calendar.ts';
import type { SyntheticCase } from './case-planner.ts';
import type { Random } from './random.ts';
import type { RegionPlan, SteeredMeasureKind } from './region-plan.ts';

const YEAR = 365.25 * DAY;

/**
 * Keeps a yearly number of events on target while deciding them one by one in time order, as the
 * report simulation does for re-reports. Each candidate carries a weight (an acute report is a more
 * likely moment for a restraining order than a routine one); the chance is the weight times the
 * target per unit of weight seen so far, nudged up or down by how far the count is behind or ahead.
 * A prior guess of the weight per year covers the first weeks, when nothing has been seen yet.
 */
export class TargetSteer {
  #done = 0;
  #weight = 0;

  constructor(
    readonly perYear: number,
    readonly start: number,
    readonly priorWeightPerYear: number,
  ) {}

  get done(): number {
    return this.#done;
  }

  decide(at: number, weight: number, rng: Random): boolean {
    if (weight <= 0 || this.perYear <= 0) return false;
    this.#weight += weight;
    const years = Math.max(0, (at - this.start) / YEAR);
    // A tenth of a year of the prior guess, so the first candidates are not taken on nothing.
    const weightPerYear = (this.#weight + this.priorWeightPerYear * 0.1) / (years + 0.1);
    const base = this.perYear / Math.max(weightPerYear, 1e-9);
    const behind = this.perYear * years - this.#done;
    const nudge = Math.max(-1, Math.min(3, behind / Math.max(3, this.perYear * 0.05)));
    const p = Math.max(0, Math.min(0.95, weight * base * (1 + nudge)));
    if (!rng.chance(p)) return false;
    this.#done++;
    return true;
  }
}

/** A report that reaches a household case: the moment a measure may start. */
export interface CaseIncident {
  receivedAt: number;
  /** When the case has it: the case opened from it, or the report was attached. */
  knownAt: number;
  police: boolean;
  acute: boolean;
  acuteUnsafety: boolean;
  kinds: readonly string[];
}

const PARTNER_KINDS = new Set([
  'partner_violence',
  'ex_partner_violence',
  'honour_based_violence',
  'forced_marriage',
]);

/**
 * Decides, report by report, which steered measures start: restraining orders after police reports
 * with an adult perpetrator (recorded in time to be extended, so the report reached the case within
 * a week), crisis care after acute reports mostly, shelter stays for adult victims of (ex-)partner
 * violence. One running measure of a kind per case at a time.
 */
export class MeasureSteering {
  readonly #steers: Record<SteeredMeasureKind, TargetSteer>;

  constructor(
    plan: RegionPlan,
    fraction: number,
    readonly calendar: Calendar,
  ) {
    const start = calendar.start;
    const reports = plan.reportsPerYear * fraction;
    const target = (kind: SteeredMeasureKind) => plan.measuresPerYear[kind] * fraction;
    // Rough weight per year of the candidates (a third of reports reach a case; acute ones weigh more).
    this.#steers = {
      restraining_order: new TargetSteer(
        target('restraining_order'),
        start,
        reports * plan.policeShare * 0.4,
      ),
      crisis_care: new TargetSteer(target('crisis_care'), start, reports * 0.5),
      shelter_stay: new TargetSteer(target('shelter_stay'), start, reports * 0.15),
    };
  }

  consider(kase: SyntheticCase, incident: CaseIncident, rng: Random): void {
    const urgent = incident.acute || incident.acuteUnsafety;
    const day = incident.receivedAt;
    const adult = (dateOfBirth: string) => this.calendar.isAdultOn(dateOfBirth, day);
    const recent = (kind: SteeredMeasureKind, days: number) =>
      kase.measureStarts.some((m) => m.kind === kind && incident.receivedAt - m.incidentAt < days * DAY);
    const adultPerpetrator = kase.members.some(
      (m) => (m.person.role === 'perpetrator' || m.person.role === 'both') && adult(m.person.dateOfBirth),
    );
    const adultVictim = kase.members.some((m) => m.person.role === 'victim' && adult(m.person.dateOfBirth));
    const partner = incident.kinds.some((k) => PARTNER_KINDS.has(k));
    const orderPossible =
      incident.police &&
      adultPerpetrator &&
      incident.knownAt - incident.receivedAt < 7 * DAY &&
      !recent('restraining_order', 28);
    const shelterPossible = adultVictim && partner && !recent('shelter_stay', 90);
    const weights: Record<SteeredMeasureKind, number> = {
      restraining_order: orderPossible ? (urgent ? 4 : 1) : 0,
      crisis_care: recent('crisis_care', 42) ? 0 : urgent ? 5 : 0.5,
      shelter_stay: shelterPossible ? (urgent ? 4 : 1) : 0,
    };
    for (const kind of ['restraining_order', 'crisis_care', 'shelter_stay'] as const) {
      if (this.#steers[kind].decide(incident.receivedAt, weights[kind], rng))
        kase.measureStarts.push({
          kind,
          incidentAt: incident.receivedAt,
          knownAt: incident.knownAt,
          partner,
        });
    }
  }
}
