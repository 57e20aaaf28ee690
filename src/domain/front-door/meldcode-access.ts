import type { Role } from '../roles.ts';

/**
 * Who may see a meldcode record. The record is the professional's own working file inside their
 * organisation (Besluit verplichte meldcode art. 2: the organisation's meldcode names who decides
 * and who supports): its author, and the organisation's meldcode officer (aandachtsfunctionaris).
 * Nobody outside the organisation, not Veilig Thuis, not a policy advisor.
 */
export interface MeldcodeReader {
  userId: string;
  organisationId: string;
  roles: readonly Role[];
}

/** Roles that document the meldcode themselves (the same roles that may send a report). */
export const MELDCODE_AUTHOR_ROLES: readonly Role[] = [
  'professional',
  'coordinator',
  'team_lead',
  'vt_intake',
];
export const MELDCODE_OFFICER_ROLE: Role = 'meldcode_officer';

export interface MeldcodeScope {
  /** Records of this organisation only; null: none at all. */
  organisationId: string | null;
  /** Records written by this user; null when the reader is not an author. */
  authorUserId: string | null;
  /** True: every record of the organisation (meldcode officer). */
  wholeOrganisation: boolean;
}

export function meldcodeScope(reader: MeldcodeReader): MeldcodeScope {
  const author = reader.roles.some((r) => MELDCODE_AUTHOR_ROLES.includes(r));
  const officer = reader.roles.includes(MELDCODE_OFFICER_ROLE);
  if (!author && !officer) return { organisationId: null, authorUserId: null, wholeOrganisation: false };
  return {
    organisationId: reader.organisationId,
    authorUserId: author ? reader.userId : null,
    wholeOrganisation: officer,
  };
}

/** Whether the reader may use the meldcode assistant at all (list, read). */
export function canUseMeldcode(reader: MeldcodeReader): boolean {
  return meldcodeScope(reader).organisationId !== null;
}

/** Only the author documents the steps; the officer reads and advises. */
export function canWriteMeldcodeRecord(reader: MeldcodeReader, record: { authorUserId: string }): boolean {
  return reader.roles.some((r) => MELDCODE_AUTHOR_ROLES.includes(r)) && record.authorUserId === reader.userId;
}
