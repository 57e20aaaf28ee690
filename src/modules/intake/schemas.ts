import { z } from 'zod';
import { isValidBsn } from '../../domain/bsn.ts';
import { INVESTIGATION_OUTCOMES } from '../../domain/front-door/investigation-outcome.ts';
import { ROUTES } from '../../domain/front-door/route-decision.ts';
import { INFORMATION_CATEGORIES } from '../../domain/information-category.ts';
import { VIOLENCE_KINDS } from '../../domain/violence-kind.ts';
import { plainText } from '../../validation/text.ts';

export const PERSON_ROLES = ['victim', 'perpetrator', 'both', 'child', 'witness', 'other'] as const;

const isoDate = z.iso.date();
const freeText = plainText;

export const personInput = z
  .object({
    fullName: freeText(200),
    // The range is checked only on a well-formed date, so a wrong format gives one clear message.
    dateOfBirth: isoDate.refine(
      (d) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10)),
      { message: 'date_of_birth_range' },
    ),
    bsn: z.string().trim().refine(isValidBsn, { message: 'bsn_invalid' }).optional(),
    role: z.enum(PERSON_ROLES),
  })
  .strict();

export const reportInput = z
  .object({
    municipalityCode: z.string().regex(/^GM\d{4}$/),
    persons: z.array(personInput).min(1).max(30),
    violenceKinds: z.array(z.enum(VIOLENCE_KINDS)).min(1).max(VIOLENCE_KINDS.length),
    acute: z.boolean(),
    description: freeText(10_000),
    notes: z
      .array(z.object({ category: z.enum(INFORMATION_CATEGORIES), body: freeText(10_000) }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type ReportInput = z.infer<typeof reportInput>;

export const publicReportInput = reportInput
  .omit({ notes: true })
  .extend({
    reporter: z
      .object({
        name: plainText(200),
        phone: z
          .string()
          .trim()
          .regex(/^[0-9 +()-]{6,20}$/)
          .optional(),
        email: z.email().max(200).optional(),
        anonymousToHousehold: z.boolean(),
      })
      .strict()
      .refine((r) => r.phone !== undefined || r.email !== undefined, {
        message: 'contact_required',
        path: ['phone'],
      }),
  })
  .strict();
export type PublicReportInput = z.infer<typeof publicReportInput>;

export const noteInput = z
  .object({ category: z.enum(INFORMATION_CATEGORIES), body: freeText(10_000) })
  .strict();

export const reportSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  violenceKinds: z.array(z.string()),
  acute: z.boolean(),
  receivedAt: z.string(),
  assessmentDueAt: z.string(),
  immediate: z.boolean(),
  overdue: z.boolean(),
  status: z.string(),
  personCount: z.number().int(),
});

export const reportDetail = reportSummary.extend({
  description: z.string(),
  createdByOrganisation: z.string().nullable(),
  reporter: z.object({
    kind: z.enum(['professional', 'resident']),
    /** Only for Veilig Thuis: name and contact of a resident reporter. */
    identity: z.string().nullable(),
    anonymousToHousehold: z.boolean(),
  }),
  persons: z.array(
    z.object({ fullName: z.string(), dateOfBirth: z.string(), role: z.string(), bsn: z.string().nullable() }),
  ),
  notes: z.array(
    z.object({
      id: z.uuid(),
      category: z.string(),
      organisation: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  access: z.enum(['creator', 'veilig_thuis', 'break_glass']),
  assessment: z
    .object({
      assessedAt: z.string(),
      onTime: z.boolean(),
      acuteUnsafety: z.boolean().nullable(),
      structuralUnsafety: z.boolean().nullable(),
      route: z.enum(ROUTES),
      reason: z.string().nullable(),
      investigationStartBy: z.string().nullable(),
      investigationConcludeBy: z.string().nullable(),
      investigationConcludedAt: z.string().nullable(),
      investigationOutcome: z.enum(INVESTIGATION_OUTCOMES).nullable(),
    })
    .nullable(),
});

export const assessmentInput = z
  .object({
    acuteUnsafety: z.boolean(),
    structuralUnsafety: z.boolean(),
    route: z.enum(ROUTES),
    reason: plainText(5000).refine((r) => r.length >= 10, { message: 'reason_required' }),
  })
  .strict();

export const assessmentResult = z.object({
  /** The household case the report was handed into, for routes that lead to casework. */
  case: z
    .object({
      id: z.uuid(),
      reference: z.string(),
      outcome: z.enum(['opened', 'attached', 'already_attached']),
    })
    .nullable(),
  status: z.string(),
  assessedAt: z.string(),
  onTime: z.boolean(),
  route: z.enum(ROUTES),
  investigationStartBy: z.string().nullable(),
  investigationConcludeBy: z.string().nullable(),
});

export const radarResult = z.object({
  classification: z.enum(['first_report', 'follow_up_report', 're_report']),
  matches: z.array(
    z.object({
      reportId: z.uuid(),
      reference: z.string(),
      regionName: z.string(),
      receivedAt: z.string(),
      status: z.string(),
      route: z.string().nullable(),
      involvementEndedAt: z.string().nullable(),
      personName: z.string(),
      matchedOn: z.enum(['bsn', 'name_and_date_of_birth']),
      certainty: z.enum(['certain', 'possible']),
      score: z.number(),
    }),
  ),
});

export const normShare = z.object({
  month: z.string(),
  total: z.number(),
  onTime: z.number(),
  late: z.number(),
  pending: z.number(),
  share: z.number().optional(),
  norm: z.number(),
  meetsNorm: z.boolean().optional(),
});
