import type { Kysely } from 'kysely';

/** Risk checklists with overrides and case documents (issue 3 §6, §10). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
