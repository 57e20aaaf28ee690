import { z } from 'zod';
import { SAFETY_PHASES } from '../../domain/casework/safety-phase.ts';
import { plainText } from '../../validation/text.ts';
import { CLOSURE_REASONS } from './closure-letter.ts';

/** How a monitoring contact went: safety holds, there are worries, or it is unsafe again. */
export const MONITORING_OUTCOMES = ['safety_holds', 'concerns', 'unsafe'] as const;
/** With whom the check was done: the household, the professionals around it, or both. */
export const MONITORING_CONTACT_WITH = ['household', 'professionals', 'household_and_professionals'] as const;
export const MOMENT_STATUSES = ['upcoming', 'due', 'overdue', 'done', 'cancelled'] as const;

export const monitoringContactInput = z
  .object({
    momentId: z.uuid(),
    /** When the contact took place; defaults to now. */
    contactedAt: z.iso.datetime({ offset: true }).optional(),
    contactWith: z.enum(MONITORING_CONTACT_WITH),
    outcome: z.enum(MONITORING_OUTCOMES),
    score: z.number().int().min(0).max(10).optional(),
    note: plainText(4_000),
  })
  .strict();
export type MonitoringContactInput = z.infer<typeof monitoringContactInput>;

export const closeInput = z
  .object({ reasonCode: z.enum(CLOSURE_REASONS), explanation: plainText(2_000) })
  .strict();
export type CloseInput = z.infer<typeof closeInput>;

export const reopenInput = z
  .object({ reason: plainText(2_000), toPhase: z.enum(SAFETY_PHASES).default('direct_safety') })
  .strict();
export type ReopenInput = z.infer<typeof reopenInput>;

export const letterQuery = z.object({ closureId: z.uuid().optional() }).strict();

const contact = z.object({
  id: z.uuid(),
  contactedAt: z.string(),
  contactWith: z.enum(MONITORING_CONTACT_WITH),
  outcome: z.enum(MONITORING_OUTCOMES),
  score: z.number().nullable(),
  note: z.string(),
  recordedBy: z.string(),
  organisation: z.string(),
});

export const monitoringOverview = z.object({
  phase: z.enum(SAFETY_PHASES),
  inMonitoring: z.boolean(),
  intervalsMonths: z.array(z.number()),
  moments: z.array(
    z.object({
      id: z.uuid(),
      roundStartedAt: z.string(),
      monthsAfter: z.number(),
      dueOn: z.string(),
      windowStartsAt: z.string(),
      dueAt: z.string(),
      status: z.enum(MOMENT_STATUSES),
      contacts: z.array(contact),
    }),
  ),
});

export const closureLetter = z.object({
  closureId: z.uuid(),
  caseReference: z.string(),
  closedAt: z.string(),
  reasonCode: z.enum(CLOSURE_REASONS),
  subject: z.string(),
  paragraphs: z.array(z.string()),
  protectedPassages: z.number(),
});

export const closeResult = z.object({
  phase: z.literal('closed'),
  closureId: z.uuid(),
  closedAt: z.string(),
  letter: closureLetter,
});

export const reopenResult = z.object({ phase: z.enum(SAFETY_PHASES), reopeningId: z.uuid().nullable() });

const caseLink = z.object({
  id: z.uuid().nullable(),
  reference: z.string().nullable(),
  visible: z.boolean(),
});

export const closureOverview = z.object({
  phase: z.enum(SAFETY_PHASES),
  canClose: z.boolean(),
  closures: z.array(
    z.object({
      id: z.uuid(),
      reasonCode: z.enum(CLOSURE_REASONS),
      explanation: z.string(),
      closedBy: z.string(),
      organisation: z.string(),
      closedAt: z.string(),
      reopening: z
        .object({ reason: z.string(), toPhase: z.enum(SAFETY_PHASES), by: z.string(), at: z.string() })
        .nullable(),
    }),
  ),
  reportsAfterClosure: z.array(
    z.object({
      reportId: z.uuid(),
      reference: z.string(),
      receivedAt: z.string(),
      /** Which of this case's members the report concerns. */
      concerns: z.array(z.string()),
      classification: z.enum(['first_report', 'follow_up_report', 're_report']),
      reportVisible: z.boolean(),
      /** The case the report is in now (this one after reopening, or a new one), if any. */
      inCase: caseLink.nullable(),
    }),
  ),
  previousCase: caseLink.nullable(),
  nextCases: z.array(caseLink),
});
