import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EscalationLevel } from '../../domain/casework/handover.ts';
import { loadRegionAgreements } from '../region/agreements.ts';

/**
 * Handover agreements. No seed names a figure: Gelderland-Zuid's samenwerkingsafspraken say that
 * Veilig Thuis, the regional project lead and the centre municipality's policy advisor keep an eye on
 * escalations and discuss them yearly; Zaanstreek-Waterland asks for "overdrachtsafspraken en
 * criteria voor (de-)escalatie"; Noord- en Midden-Limburg for a warm handover to the local field
 * after crisis care. The response time below is Kring's choice (docs/domain.md), the same for every
 * region until region files carry it.
 */
export const HANDOVER_RESPONSE_WORKING_DAYS = 3;

/** Reason recorded when the scheduler escalates because nobody answered in time. */
export const AUTOMATIC_ESCALATION_REASON = 'Geen reactie binnen de termijn; automatisch opgeschaald.';

/**
 * The region's escalation ladder (region file `agreements.handoverEscalation`, defaults: team leads
 * of both organisations in 2 working days, managers in 3, the regional escalation table in 5).
 */
export async function loadEscalationAgreement(db: Kysely<DB>, regionId: number): Promise<EscalationLevel[]> {
  return (await loadRegionAgreements(db, regionId)).handoverEscalation;
}
