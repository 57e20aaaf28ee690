import type { Kysely } from 'kysely';

/** Measures with legal clocks on a case (issue 3 §7): filled by the measures work. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
