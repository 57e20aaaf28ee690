import { z } from 'zod';
import { CHECKLIST_ANSWERS, RISK_BANDS } from '../../domain/casework/risk-checklist.ts';
import { INFORMATION_CATEGORIES } from '../../domain/information-category.ts';
import { plainText } from '../../validation/text.ts';

const localised = z.object({ nl: z.string(), en: z.string() });

export const checklistDefinitionView = z.object({
  id: z.string(),
  version: z.number(),
  title: localised,
  description: localised,
  inspiration: localised,
  sections: z.array(
    z.object({
      id: z.string(),
      title: localised,
      items: z.array(
        z.object({
          id: z.string(),
          weight: z.number(),
          minimumBand: z.enum(RISK_BANDS).nullable(),
          text: localised,
        }),
      ),
    }),
  ),
  bands: z.object({ elevatedFrom: z.number(), highFrom: z.number() }),
  maxScore: z.number(),
});

export const checklistResultInput = z
  .object({
    checklistId: z.string().trim().min(1).max(100),
    version: z.number().int().min(1).max(10_000),
    category: z.enum(INFORMATION_CATEGORIES),
    answers: z
      .record(z.string().regex(/^[a-z0-9_]{1,100}$/), z.enum(CHECKLIST_ANSWERS))
      .refine((a) => Object.keys(a).length <= 200, { message: 'too_many_answers' }),
    conclusion: z.enum(RISK_BANDS),
    overrideReason: plainText(2_000).optional(),
  })
  .strict();
export type ChecklistResultInput = z.infer<typeof checklistResultInput>;

export const checklistResultCreated = z.object({
  id: z.uuid(),
  score: z.number(),
  maxScore: z.number(),
  advisedBand: z.enum(RISK_BANDS),
  conclusion: z.enum(RISK_BANDS),
  overridden: z.boolean(),
});

export const checklistResultView = z.object({
  id: z.uuid(),
  checklistId: z.string(),
  version: z.number(),
  title: localised,
  category: z.enum(INFORMATION_CATEGORIES),
  organisation: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  answers: z.record(z.string(), z.enum(CHECKLIST_ANSWERS)),
  score: z.number(),
  maxScore: z.number(),
  advisedBand: z.enum(RISK_BANDS),
  bandIfUnknownsYes: z.enum(RISK_BANDS),
  unknownCount: z.number(),
  conclusion: z.enum(RISK_BANDS),
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
});

export const checklistResultList = z.object({
  results: z.array(checklistResultView),
  /** Results on the case in categories the reader's organisation may not read. */
  withheld: z.number(),
});

export const categoryQuery = z.object({ category: z.enum(INFORMATION_CATEGORIES).optional() }).strict();
