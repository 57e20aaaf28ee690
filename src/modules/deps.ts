import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Keys } from '../security/keys.ts';

/** What services need from the outside world, passed in (never module-level singletons). */
export interface Deps {
  db: Kysely<DB>;
  keys: Keys;
  now: () => Date;
}
