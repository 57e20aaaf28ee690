import type { Kysely } from 'kysely';

/** Monitoring moments, reasoned closure with a letter, reopening (issue 3 §11). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
