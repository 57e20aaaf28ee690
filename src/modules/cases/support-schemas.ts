import { z } from 'zod';
import { SUPPORT_KINDS, SUPPORT_OUTCOMES } from '../../domain/casework/support.ts';
import { INFORMATION_CATEGORIES } from '../../domain/information-category.ts';
import { plainText } from '../../validation/text.ts';

export const supportParams = z.object({ id: z.uuid(), supportId: z.uuid() });

/** An instant with its offset ("2026-06-01T14:00:00+02:00"): a clock without a zone is ambiguous. */
const instant = z.iso.datetime({ offset: true });

export const recordSupportInput = z
  .object({
    kind: z.enum(SUPPORT_KINDS),
    /** The household member the help is for; required for perpetrator help (a perpetrator). */
    memberId: z.uuid().optional(),
    provider: plainText(200),
    category: z.enum(INFORMATION_CATEGORIES),
    offeredAt: instant,
    note: plainText(2_000).optional(),
  })
  .strict();
export type RecordSupportInput = z.infer<typeof recordSupportInput>;

export const supportOutcomeInput = z
  .object({
    outcome: z.enum(SUPPORT_OUTCOMES),
    /** When the help started, the expert took part, or the offer was declined; now if left out. */
    outcomeAt: instant.optional(),
    note: plainText(2_000).optional(),
  })
  .strict();
export type SupportOutcomeInput = z.infer<typeof supportOutcomeInput>;

const supportView = z.object({
  id: z.uuid(),
  kind: z.enum(SUPPORT_KINDS),
  category: z.enum(INFORMATION_CATEGORIES),
  member: z.object({ id: z.uuid(), fullName: z.string(), role: z.string() }).nullable(),
  provider: z.string(),
  offeredAt: z.string(),
  note: z.string().nullable(),
  outcome: z
    .object({
      outcome: z.enum(SUPPORT_OUTCOMES),
      at: z.string(),
      note: z.string().nullable(),
      recordedBy: z.string(),
    })
    .nullable(),
  recordedBy: z.string(),
  organisation: z.string(),
  recordedAt: z.string(),
  /** Whether the reader may record the outcome now (a recording partner, and none recorded yet). */
  mayRecordOutcome: z.boolean(),
});

export const supportList = z.object({
  support: z.array(supportView),
  /** Offers on the case in categories the reader may not read: counted, not shown. */
  withheld: z.number(),
  /** Whether the reader's organisation records offers (help partners; see src/domain/casework/support.ts). */
  mayRecord: z.boolean(),
});
export type SupportList = z.infer<typeof supportList>;

export const recordSupportResult = z.object({ id: z.uuid() });
export const supportOutcomeResult = z.object({
  id: z.uuid(),
  outcome: z.enum(SUPPORT_OUTCOMES),
  outcomeAt: z.string(),
});
