import type { Kysely } from 'kysely';

/** Outside figures: police incidents and crimes, population, per municipality per year (issue 5 §5). */
export async function up(_db: Kysely<unknown>): Promise<void> {}
