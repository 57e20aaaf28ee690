import type { Kysely } from 'kysely';

/** Multi-agency meetings and plan actions from their decisions (issue 3 §8). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
