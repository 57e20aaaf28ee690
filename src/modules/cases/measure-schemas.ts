import { z } from 'zod';
import { MEASURE_AUTHORITIES, MEASURE_PARTS } from '../../domain/casework/measure-authority.ts';
import { MEASURE_KINDS } from '../../domain/casework/measure-clock.ts';
import { INFORMATION_CATEGORIES } from '../../domain/information-category.ts';
import { plainText } from '../../validation/text.ts';

export const MEASURE_STATUSES = ['scheduled', 'active', 'expiring_soon', 'expired', 'lifted'] as const;

export const measureParams = z.object({ id: z.uuid(), measureId: z.uuid() });

/** An instant with its offset ("2026-06-01T14:00:00+02:00"): a clock without a zone is ambiguous. */
const instant = z.iso.datetime({ offset: true });

export const imposeMeasureInput = z
  .object({
    kind: z.enum(MEASURE_KINDS),
    members: z
      .array(z.object({ memberId: z.uuid(), part: z.enum(MEASURE_PARTS) }).strict())
      .min(1)
      .max(20),
    imposedAt: instant,
    decidedBy: z.enum(MEASURE_AUTHORITIES),
    category: z.enum(INFORMATION_CATEGORIES),
    decisionReference: plainText(100).optional(),
    note: plainText(2_000).optional(),
  })
  .strict();
export type ImposeMeasureInput = z.infer<typeof imposeMeasureInput>;

export const extendMeasureInput = z
  .object({ newEnd: instant, decidedBy: z.enum(MEASURE_AUTHORITIES), reason: plainText(2_000) })
  .strict();
export type ExtendMeasureInput = z.infer<typeof extendMeasureInput>;

export const liftMeasureInput = z
  .object({ decidedBy: z.enum(MEASURE_AUTHORITIES), reason: plainText(2_000) })
  .strict();
export type LiftMeasureInput = z.infer<typeof liftMeasureInput>;

const measureView = z.object({
  id: z.uuid(),
  kind: z.enum(MEASURE_KINDS),
  category: z.enum(INFORMATION_CATEGORIES),
  status: z.enum(MEASURE_STATUSES),
  imposedAt: z.string(),
  decidedBy: z.enum(MEASURE_AUTHORITIES),
  decisionReference: z.string().nullable(),
  note: z.string().nullable(),
  basis: z.string(),
  end: z.string(),
  maximumEnd: z.string().nullable(),
  members: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), part: z.enum(MEASURE_PARTS) })),
  extensions: z.array(
    z.object({
      previousEnd: z.string(),
      newEnd: z.string(),
      reason: z.string(),
      decidedBy: z.enum(MEASURE_AUTHORITIES),
      recordedBy: z.string(),
      organisation: z.string(),
      recordedAt: z.string(),
    }),
  ),
  lifted: z
    .object({ at: z.string(), reason: z.string(), decidedBy: z.enum(MEASURE_AUTHORITIES), by: z.string() })
    .nullable(),
  nextReminder: z.object({ at: z.string(), daysBefore: z.number() }).nullable(),
  reminders: z.array(
    z.object({
      kind: z.enum(['before_end', 'expired']),
      daysBefore: z.number().nullable(),
      dueAt: z.string(),
      recordedAt: z.string(),
    }),
  ),
  recordedBy: z.string(),
  organisation: z.string(),
  recordedAt: z.string(),
  mayChange: z.boolean(),
});

export const measureList = z.object({
  measures: z.array(measureView),
  /** Measures on the case in categories the reader may not read: counted, not shown. */
  withheld: z.number(),
  /** Kinds the reader's organisation may record (a restraining order only police, VT, safety house). */
  recordableKinds: z.array(z.enum(MEASURE_KINDS)),
});
export type MeasureList = z.infer<typeof measureList>;

export const imposeMeasureResult = z.object({
  id: z.uuid(),
  end: z.string(),
  maximumEnd: z.string().nullable(),
});
export const extendMeasureResult = z.object({ end: z.string(), maximumEnd: z.string().nullable() });
export const liftMeasureResult = z.object({ status: z.literal('lifted'), liftedAt: z.string() });
