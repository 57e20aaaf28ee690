import { type Kysely, sql } from 'kysely';

/**
 * Risk checklists with overrides and case documents (issue 3 §6, §10).
 *
 * A checklist result keeps the answers, the score and the advice the rule gave, and the
 * professional's own conclusion; a conclusion that differs from the advice needs a reason (checked by
 * the service and, as a last line, by a constraint). Definitions are code (src/domain/casework/
 * risk-checklists.ts); a result names the definition's id and version.
 *
 * A document's name and content are stored encrypted (AES-256-GCM, one fresh IV each, the row id as
 * associated data so a ciphertext cannot be moved to another row); the metadata needed to list and
 * authorize stays in clear. Removal is soft: removed_at/by, and the row leaves every list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table case_checklist_result (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  checklist_id text not null,
  checklist_version integer not null,
  category text not null check (category in ('team', 'organisation', 'justice', 'health')),
  organisation_id uuid not null references organisation(id),
  recorded_by_user_id uuid not null references app_user(id),
  recorded_at timestamptz not null,
  answers jsonb not null,
  score integer not null check (score >= 0),
  max_score integer not null check (max_score >= score),
  advised_band text not null check (advised_band in ('low', 'elevated', 'high')),
  conclusion_band text not null check (conclusion_band in ('low', 'elevated', 'high')),
  override_reason text,
  constraint case_checklist_result_override_reasoned
    check (conclusion_band = advised_band or length(btrim(coalesce(override_reason, ''))) > 0)
);
create index case_checklist_result_case on case_checklist_result(case_id, recorded_at);

create table case_document (
  id uuid primary key,
  case_id uuid not null references household_case(id),
  category text not null check (category in ('team', 'organisation', 'justice', 'health')),
  organisation_id uuid not null references organisation(id),
  uploaded_by_user_id uuid not null references app_user(id),
  uploaded_at timestamptz not null,
  kind text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  file_name_sealed bytea not null,
  content_sealed bytea not null,
  removed_at timestamptz,
  removed_by_user_id uuid references app_user(id)
);
create index case_document_case on case_document(case_id, uploaded_at) where removed_at is null;
`.execute(db);
}
