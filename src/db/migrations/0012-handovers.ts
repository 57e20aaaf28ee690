import type { Kysely } from 'kysely';

/** Handovers between organisations with escalation (issue 3 §9). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
