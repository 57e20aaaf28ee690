import type { OrganisationType } from '../../domain/organisation-type.ts';
import type { Role } from '../../domain/roles.ts';

/** Every demo user shares this password; it is in the README and works only in a demo. */
export const DEMO_PASSWORD = 'kring-demo-wachtwoord';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Which organisation: its type and a municipality it serves (null: any of that type). */
  organisation: { type: OrganisationType | 'local_team_or_municipality'; serves: string | null };
  /** Fixed TOTP secret so a newcomer can sign in with `kring demo-code USER`, listed in the README. */
  totpSecret: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'vt.intake',
    displayName: 'Vera Intake (Veilig Thuis)',
    role: 'vt_intake',
    organisation: { type: 'veilig_thuis', serves: null },
    totpSecret: 'FZT2HWZGGOI5H6EWUZUM6AJIEFV4FEY3',
  },
  {
    username: 'vt.teamleider',
    displayName: 'Tom Teamleider (Veilig Thuis)',
    role: 'team_lead',
    organisation: { type: 'veilig_thuis', serves: null },
    totpSecret: '3QDBZO5NFKDTRWNNFE7EGX6AMULSTE3F',
  },
  {
    username: 'wijkteam.nijmegen',
    displayName: 'Wendy Wijkteam (Nijmegen)',
    role: 'professional',
    organisation: { type: 'local_team_or_municipality', serves: 'GM0268' },
    totpSecret: 'S262NDP4SQPKTZEVAJ5AGDNUK64ILICD',
  },
  {
    username: 'regisseur.nijmegen',
    displayName: 'Ruben Regisseur (Nijmegen)',
    role: 'coordinator',
    organisation: { type: 'local_team_or_municipality', serves: 'GM0268' },
    totpSecret: 'BAXX45BXM2WFPK23TEFP5LMVMCTXI3KE',
  },
  {
    username: 'wijkteam.tiel',
    displayName: 'Tessa Wijkteam (Tiel)',
    role: 'professional',
    organisation: { type: 'local_team_or_municipality', serves: 'GM0281' },
    totpSecret: 'FYVRFNWU5IH7IANRFEUSTWFZ5VZEHEKC',
  },
  {
    username: 'politie.nijmegen',
    displayName: 'Paul Politie',
    role: 'professional',
    organisation: { type: 'police', serves: null },
    totpSecret: 'IYHGFLW2XX73NPID3HJMVDHWATCEIL4V',
  },
  {
    username: 'beleid.regio',
    displayName: 'Bea Beleid (beleidsadviseur)',
    role: 'policy_advisor',
    organisation: { type: 'local_team_or_municipality', serves: 'GM0268' },
    totpSecret: 'ZLDYHSMGWUAU6S7JLFEDVHPKJNGWSAHI',
  },
  {
    username: 'beheer.regio',
    displayName: 'Bart Beheer (functioneel beheerder)',
    role: 'functional_admin',
    organisation: { type: 'local_team_or_municipality', serves: 'GM0268' },
    totpSecret: 'ZV6IEJV7PWEDFHDPNUCBDO5SOLH25TOY',
  },
  {
    username: 'privacy.regio',
    displayName: 'Priya Privacy (privacyfunctionaris)',
    role: 'privacy_officer',
    organisation: { type: 'local_team_or_municipality', serves: 'GM0268' },
    totpSecret: 'XY4BKR5C5DRJMQJ7KWW6KMK7H5MST6K7',
  },
];
