import type { BulkWriter } from './bulk-writer.ts';
import { IdSource, SYNTHETIC_USERNAME_PREFIX } from './ids.ts';
import type { PlannedOrganisation, RegionPlan } from './region-plan.ts';

/**
 * The professionals who do the synthetic work: a few synthetic accounts per organisation, sized by
 * the region's volume (an intake worker per ~350 reports a year, a coordinator per ~25 new cases a
 * year, a police officer in case teams per ~400 police reports a year), plus the demo users where the region has them, so a demo user has a realistic caseload.
 * Synthetic accounts cannot sign in: their password hash is not a hash at all.
 */
export const NO_LOGIN_PASSWORD_HASH = '!synthetic-account-no-login';

export interface StaffMember {
  userId: string;
  organisationId: string;
  /** As the casework service labels a professional: "name (organisation)". */
  label: string;
}

export interface OrganisationStaff {
  organisation: PlannedOrganisation;
  intake: StaffMember[];
  leads: StaffMember[];
  coordinators: StaffMember[];
  professionals: StaffMember[];
}

export interface DemoMembership {
  userId: string;
  displayName: string;
  organisationId: string;
  role: string;
}

export type StaffRole = 'intake' | 'leads' | 'coordinators' | 'professionals';
const ROLE_NAMES: Record<StaffRole, string> = {
  intake: 'vt_intake',
  leads: 'team_lead',
  coordinators: 'coordinator',
  professionals: 'professional',
};
const ROLE_LABELS: Record<StaffRole, string> = {
  intake: 'intakemedewerker',
  leads: 'teamleider',
  coordinators: 'regisseur',
  professionals: 'professional',
};

export async function createStaff(
  plan: RegionPlan,
  volume: { reportsPerYear: number },
  demo: readonly DemoMembership[],
  writer: BulkWriter,
  createdAt: number,
): Promise<Map<string, OrganisationStaff>> {
  const ids = new IdSource(plan.index);
  const staff = new Map<string, OrganisationStaff>();
  const reports = volume.reportsPerYear;
  const inhabitants = plan.municipalities.reduce((s, m) => s + m.inhabitants, 0) || 1;
  for (const org of plan.organisations) {
    const entry: OrganisationStaff = {
      organisation: org,
      intake: [],
      leads: [],
      coordinators: [],
      professionals: [],
    };
    staff.set(org.id, entry);
    const servedShare =
      plan.municipalities.filter((m) => org.serves.has(m.code)).reduce((s, m) => s + m.inhabitants, 0) /
      inhabitants;
    const counts: Partial<Record<StaffRole, number>> = {};
    switch (org.type) {
      case 'veilig_thuis':
        counts.intake = Math.max(2, Math.ceil(reports / 350));
        counts.leads = Math.max(1, Math.ceil(reports / 3_000));
        break;
      case 'police':
        counts.professionals = Math.max(1, Math.ceil((reports * plan.policeShare * servedShare) / 400));
        break;
      case 'local_team':
      case 'municipality': {
        const casesPerYear = reports * servedShare * 0.35;
        counts.coordinators = Math.max(1, Math.ceil(casesPerYear / 25));
        counts.professionals = Math.max(1, Math.ceil(casesPerYear / 40));
        break;
      }
      case 'care_provider':
      case 'shelter':
      case 'certified_institution':
      case 'child_protection_board':
        counts.professionals = Math.max(1, Math.ceil((reports * servedShare) / 1_500));
        break;
      default:
        break;
    }
    for (const [role, count] of Object.entries(counts) as [StaffRole, number][]) {
      for (let n = 1; n <= count; n++) {
        const userId = ids.next('user');
        const displayName = `Synthetische ${ROLE_LABELS[role]} ${n}`;
        await writer.add('app_user', {
          id: userId,
          username: `${SYNTHETIC_USERNAME_PREFIX}${plan.code}.${org.key}.${role}.${n}`,
          display_name: displayName,
          password_hash: NO_LOGIN_PASSWORD_HASH,
          active: true,
          created_at: createdAt,
        });
        await writer.add('membership', {
          id: ids.next('membership'),
          user_id: userId,
          organisation_id: org.id,
          role: ROLE_NAMES[role],
          created_at: createdAt,
        });
        entry[role].push({ userId, organisationId: org.id, label: `${displayName} (${org.name})` });
      }
    }
  }
  for (const d of demo) {
    const entry = staff.get(d.organisationId);
    if (!entry) continue;
    const role = (Object.keys(ROLE_NAMES) as StaffRole[]).find((r) => ROLE_NAMES[r] === d.role);
    if (!role) continue;
    entry[role].push({
      userId: d.userId,
      organisationId: d.organisationId,
      label: `${d.displayName} (${entry.organisation.name})`,
    });
  }
  return staff;
}
