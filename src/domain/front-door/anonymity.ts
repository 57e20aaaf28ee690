/**
 * Reporter anonymity. A reporter is known to Veilig Thuis but may stay anonymous towards the
 * household, and Veilig Thuis gives no information on where data came from when that would
 * endanger someone or harm trust (Uitvoeringsbesluit Wmo 2015 art. 4.1.8 lid 3; reference §1).
 * Every document leaves the system through this function.
 *
 * Fail closed: a household-facing document never carries the reporter's identity, whether or not
 * the reporter asked for anonymity (disclosing it is a deliberate act outside document
 * generation); a field whose text still contains an identity after masking is withheld whole.
 * Matching ignores case and accents but not spacing: flag each identifying part (first name,
 * surname, phone, e-mail, organisation) as its own field so that each part is masked on its own.
 */

export type RecipientKind = 'household' | 'partner_without_right' | 'veilig_thuis' | 'reporter';

export type Recipient =
  | { kind: 'household' | 'partner_without_right' | 'veilig_thuis' }
  /** A reporter receives their own identity only, never another reporter's. */
  | { kind: 'reporter'; reporterId: string };

export interface DocumentField {
  key: string;
  label: string;
  value: string;
  reporterIdentity: boolean;
  /** Whose identity this is, when a document can concern more than one reporter. */
  reporterId?: string | null;
}

export interface DocumentModel {
  fields: readonly DocumentField[];
}

export interface RedactionResult {
  document: DocumentModel;
  /** Identity fields left out. */
  removed: number;
  /** Other fields in which an identity was replaced by the mark. */
  masked: number;
  /** Other fields left out because masking could not make them safe. */
  withheld: number;
}

export const REDACTION_MARK = '[afgeschermd]';

export function mayReceiveField(field: DocumentField, recipient: Recipient): boolean {
  if (!field.reporterIdentity) return true;
  switch (recipient.kind) {
    case 'veilig_thuis':
      return true;
    case 'reporter':
      return field.reporterId != null && field.reporterId === recipient.reporterId;
    case 'household':
    case 'partner_without_right':
      return false;
  }
}

/**
 * Case- and accent-insensitive form with exactly one code unit per input code unit, so that a
 * position found in the folded text is the same position in the original.
 */
function foldUnits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charAt(i);
    const base = unit.normalize('NFD').charAt(0) || unit;
    const lower = base.toLowerCase();
    out += lower.length === 1 ? lower : base.length === 1 ? base : unit;
  }
  return out;
}

function mask(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    const needle = foldUnits(secret);
    let at = foldUnits(out).indexOf(needle);
    while (at !== -1) {
      out = out.slice(0, at) + REDACTION_MARK + out.slice(at + secret.length);
      at = foldUnits(out).indexOf(needle, at + REDACTION_MARK.length);
    }
  }
  return out;
}

function containsAny(text: string, secrets: readonly string[]): boolean {
  const folded = foldUnits(text);
  return secrets.some((s) => text.includes(s) || folded.includes(foldUnits(s)));
}

export function redactForRecipient(document: DocumentModel, recipient: Recipient): RedactionResult {
  const hidden = document.fields.filter((f) => !mayReceiveField(f, recipient));
  // Longest first, so that "Jan Jansen" is masked whole before "Jan" is looked for.
  const secrets = [...new Set(hidden.map((f) => f.value.trim()).filter((v) => v !== ''))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  const fields: DocumentField[] = [];
  let masked = 0;
  let withheld = 0;
  for (const field of document.fields) {
    if (!mayReceiveField(field, recipient)) continue;
    if (secrets.length === 0) {
      fields.push(field);
      continue;
    }
    const label = mask(field.label, secrets);
    const value = mask(field.value, secrets);
    // A key is structure, not text: it is never rewritten, so an identity in it withholds the field.
    if ([field.key, label, value].some((t) => containsAny(t, secrets))) {
      withheld++;
      continue;
    }
    if (label !== field.label || value !== field.value) {
      masked++;
      fields.push({ ...field, label, value });
    } else fields.push(field);
  }
  return { document: { fields }, removed: hidden.length, masked, withheld };
}
