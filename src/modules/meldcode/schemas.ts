import { z } from 'zod';
import { ASKER_ROLES, VIOLENCE_DURATIONS } from '../../domain/advice.ts';
import { MELDCODE_STEP_IDS } from '../../domain/front-door/meldcode-steps.ts';
import { VIOLENCE_KINDS } from '../../domain/violence-kind.ts';
import { plainText } from '../../validation/text.ts';
import { personInput } from '../intake/schemas.ts';

const outcomeCodes = ['close', 'report', 'help_and_follow_up', 'close_with_follow_up_agreements'] as const;

/** A new record: who it is about (no BSN here; the report asks for it if known). */
export const recordInput = z
  .object({
    municipalityCode: z.string().regex(/^GM\d{4}$/),
    persons: z
      .array(personInput.omit({ bsn: true }))
      .min(1)
      .max(30),
    /** Which of the persons is the professional's client (position in `persons`). */
    clientIndex: z.number().int().min(0).max(29),
    expectingChild: z.boolean(),
    violenceKinds: z.array(z.enum(VIOLENCE_KINDS)).min(1).max(VIOLENCE_KINDS.length),
  })
  .strict();
export type RecordInput = z.infer<typeof recordInput>;

export const signalsInput = z
  .object({ signals: plainText(10_000), kindcheckNote: plainText(5000).optional() })
  .strict();

export const consultationInput = z
  .object({
    kind: z.enum(['colleague', 'veilig_thuis', 'injury_expert']),
    who: plainText(200),
    consultedOn: z.iso.date(),
    outcome: plainText(5000),
    /** With kind = veilig_thuis: the advice request sent to Veilig Thuis from the record. */
    advice: z
      .object({
        question: plainText(5000),
        violenceDuration: z.enum(VIOLENCE_DURATIONS),
        askerRole: z.enum(ASKER_ROLES).exclude(['non_professional']),
        askerFunction: plainText(200).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ConsultationInput = z.infer<typeof consultationInput>;

export const talkInput = z
  .object({
    held: z.boolean(),
    summary: plainText(10_000).optional(),
    skippedReason: plainText(5000).optional(),
  })
  .strict();
export type TalkInput = z.infer<typeof talkInput>;

const answer = z.boolean().optional();
export const weighingInput = z
  .object({
    textVersion: z.string().min(1).max(40),
    answers: z.object({ q1: answer, q2: answer, q3: answer, q4: answer, q5: answer }).strict(),
  })
  .strict();
export type WeighingInput = z.infer<typeof weighingInput>;

export const decisionInput = z
  .object({
    outcome: z.enum(outcomeCodes),
    acute: z.boolean().optional(),
    note: plainText(5000).optional(),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionInput>;

const localised = z.object({ nl: z.string(), en: z.string() });

export const recordSummary = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  author: z.string(),
  mine: z.boolean(),
  clientName: z.string(),
  municipalityName: z.string(),
  nextStep: z.enum(MELDCODE_STEP_IDS).nullable(),
  outcome: z.enum(outcomeCodes).nullable(),
  reportId: z.uuid().nullable(),
});

const weighingDecision = z.object({
  kind: z.enum(['question', 'outcome']),
  question: z.number().int().optional(),
  outcome: z.enum(outcomeCodes).optional(),
  reason: z.string().optional(),
  followUpQuestion: z.number().int().optional(),
});

export const recordDetail = recordSummary.extend({
  organisation: z.string(),
  municipalityCode: z.string(),
  canWrite: z.boolean(),
  persons: z.array(z.object({ fullName: z.string(), dateOfBirth: z.string(), role: z.string() })),
  clientIndex: z.number().int(),
  expectingChild: z.boolean(),
  violenceKinds: z.array(z.string()),
  kindcheck: z.object({
    required: z.boolean(),
    reasons: z.array(z.string()),
    why: z.string().nullable(),
  }),
  steps: z.array(
    z.object({ id: z.enum(MELDCODE_STEP_IDS), number: z.number().int(), text: localised, done: z.boolean() }),
  ),
  stepsVersion: z.string(),
  signals: z
    .object({ text: z.string(), kindcheckNote: z.string().nullable(), recordedAt: z.string() })
    .nullable(),
  consultations: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      who: z.string(),
      consultedOn: z.string(),
      outcome: z.string(),
      adviceRequestId: z.uuid().nullable(),
      recordedAt: z.string(),
    }),
  ),
  talk: z
    .object({
      held: z.boolean(),
      summary: z.string().nullable(),
      skippedReason: z.string().nullable(),
      recordedAt: z.string(),
    })
    .nullable(),
  weighing: z.object({
    textVersion: z.string(),
    textVersions: z.array(z.object({ id: z.string(), source: z.string() })),
    questions: z.array(z.object({ number: z.number().int(), text: localised })),
    answers: z.record(z.string(), z.boolean()),
    decision: weighingDecision,
    recordedAt: z.string().nullable(),
  }),
  decision: z
    .object({
      outcome: z.enum(outcomeCodes),
      acute: z.boolean().nullable(),
      note: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
  report: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  closure: z.object({ mayClose: z.boolean(), blockers: z.array(z.record(z.string(), z.string())) }),
});
