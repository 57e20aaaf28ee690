import type { Kysely } from 'kysely';

/** Regional insight: reference figures, outside figures, report runs (issue 5). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
