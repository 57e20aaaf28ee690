import { z } from 'zod';
import { ASKER_ROLES, VIOLENCE_DURATIONS } from '../../domain/advice.ts';
import { VIOLENCE_KINDS } from '../../domain/violence-kind.ts';
import { plainText } from '../../validation/text.ts';

const base = {
  municipalityCode: z.string().regex(/^GM\d{4}$/),
  violenceKinds: z.array(z.enum(VIOLENCE_KINDS)).min(1).max(VIOLENCE_KINDS.length),
  violenceDuration: z.enum(VIOLENCE_DURATIONS),
  question: plainText(5000),
};

/** A professional asks Veilig Thuis for advice from the web app. */
export const professionalAdviceInput = z
  .object({
    ...base,
    askerRole: z.enum(ASKER_ROLES).exclude(['non_professional']),
    askerFunction: plainText(200).optional(),
  })
  .strict();

/** Veilig Thuis staff record a phone or chat contact. */
export const contactInput = z
  .object({
    ...base,
    channel: z.enum(['phone', 'chat']),
    askerRole: z.enum(ASKER_ROLES),
    askerFunction: plainText(200).optional(),
    askerOrganisation: plainText(200).optional(),
    anonymous: z.boolean(),
    contact: plainText(300).optional(),
  })
  .strict();

/** A resident asks for advice through the public page; anonymous is allowed. */
export const publicAdviceInput = z
  .object({ ...base, anonymous: z.boolean(), contact: plainText(300).optional() })
  .strict();

export const answerInput = z.object({ answer: plainText(5000) }).strict();

export const adviceSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  channel: z.string(),
  municipalityName: z.string(),
  askerRole: z.string(),
  askerFunction: z.string().nullable(),
  askerOrganisation: z.string().nullable(),
  anonymous: z.boolean(),
  contact: z.string().nullable(),
  violenceKinds: z.array(z.string()),
  violenceDuration: z.string(),
  question: z.string(),
  receivedAt: z.string(),
  status: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
