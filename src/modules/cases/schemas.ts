import { z } from 'zod';
import { SAFETY_PHASES } from '../../domain/casework/safety-phase.ts';
import { PARTICIPANT_TYPES } from '../../domain/casework/safety-score.ts';
import { INFORMATION_CATEGORIES } from '../../domain/information-category.ts';
import { plainText } from '../../validation/text.ts';
import { PERSON_ROLES } from '../intake/schemas.ts';

/** The part someone plays in the team around the household. */
export const CASE_ROLES = [
  'coordinator',
  'case_manager',
  'safety_partner',
  'care_provider',
  'youth_protection',
  'other',
] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const idParams = z.object({ id: z.uuid() });

export const openCaseInput = z
  .object({ reportId: z.uuid(), coordinatorUserId: z.uuid().optional() })
  .strict();
export type OpenCaseInput = z.infer<typeof openCaseInput>;

export const openCaseResult = z.object({
  id: z.uuid(),
  reference: z.string(),
  outcome: z.enum(['opened', 'attached', 'already_attached']),
});

export const teamMemberInput = z
  .object({ userId: z.uuid(), organisationId: z.uuid(), caseRole: z.enum(CASE_ROLES) })
  .strict();
export type TeamMemberInput = z.infer<typeof teamMemberInput>;

export const phaseInput = z.object({ to: z.enum(SAFETY_PHASES), reason: plainText(2_000) }).strict();
export type PhaseInput = z.infer<typeof phaseInput>;

export const assessmentInput = z
  .object({
    scores: z
      .array(z.object({ participantId: z.string().trim().min(1).max(100), score: z.number() }).strict())
      .max(40),
    concerns: z.array(z.string().max(500)).max(10),
    actions: z
      .array(
        z
          .object({
            description: z.string().max(1_000),
            ownerUserId: z.string().max(100),
            dueOn: z.string().max(20),
          })
          .strict(),
      )
      .max(10),
  })
  .strict();
export type CaseAssessmentInput = z.infer<typeof assessmentInput>;

export const AGREEMENT_STATUSES = ['open', 'done', 'not_kept'] as const;

export const safetyPlanInput = z
  .object({
    conditions: z.array(plainText(1_000)).min(1).max(10),
    agreements: z
      .array(
        z
          .object({
            description: plainText(1_000),
            ownerUserId: z.uuid(),
            dueOn: z.iso.date(),
            status: z.enum(AGREEMENT_STATUSES).default('open'),
          })
          .strict(),
      )
      .max(20),
    ifItGoesWrong: plainText(2_000),
    agreed: z.boolean(),
    changeNote: plainText(1_000).optional(),
  })
  .strict();
export type SafetyPlanInput = z.infer<typeof safetyPlanInput>;

export const noteInput = z
  .object({ category: z.enum(INFORMATION_CATEGORIES), body: plainText(10_000) })
  .strict();

export const caseSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  municipalityName: z.string(),
  phase: z.enum(SAFETY_PHASES),
  coordinator: z.string(),
  memberCount: z.number(),
  lastScore: z.number().nullable(),
  lastAssessedAt: z.string().nullable(),
  openedAt: z.string(),
  myCaseRole: z.enum(CASE_ROLES).nullable(),
});

const phaseChange = z.object({
  from: z.enum(SAFETY_PHASES).nullable(),
  to: z.enum(SAFETY_PHASES),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});

export const caseDetail = z.object({
  id: z.uuid(),
  reference: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  phase: z.enum(SAFETY_PHASES),
  phaseTargets: z.array(z.enum(SAFETY_PHASES)),
  openedAt: z.string(),
  access: z.enum(['team', 'veilig_thuis']),
  canManageTeam: z.boolean(),
  coordinator: z.object({ userId: z.uuid(), name: z.string(), organisation: z.string() }),
  members: z.array(
    z.object({
      id: z.uuid(),
      fullName: z.string(),
      dateOfBirth: z.string(),
      role: z.enum(PERSON_ROLES),
      bsn: z.string().nullable(),
    }),
  ),
  reports: z.array(
    z.object({ id: z.uuid(), reference: z.string(), receivedAt: z.string(), attachedAt: z.string() }),
  ),
  team: z.array(
    z.object({
      id: z.uuid(),
      userId: z.uuid(),
      name: z.string(),
      organisationId: z.uuid(),
      organisation: z.string(),
      caseRole: z.enum(CASE_ROLES),
      joinedAt: z.string(),
    }),
  ),
  phaseHistory: z.array(phaseChange),
  assessments: z.array(
    z.object({
      id: z.uuid(),
      assessedAt: z.string(),
      recordedBy: z.string(),
      minScore: z.number(),
      medianScore: z.number(),
      concerns: z.array(z.string()),
      scores: z.array(
        z.object({
          participantLabel: z.string(),
          participantType: z.enum(PARTICIPANT_TYPES),
          score: z.number(),
        }),
      ),
      actions: z.array(
        z.object({
          id: z.uuid(),
          description: z.string(),
          owner: z.string(),
          dueOn: z.string(),
          status: z.string(),
        }),
      ),
    }),
  ),
  notes: z.array(
    z.object({
      id: z.uuid(),
      category: z.enum(INFORMATION_CATEGORIES),
      organisation: z.string(),
      author: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  notesWithheld: z.number(),
  safetyPlan: z
    .object({
      version: z.number(),
      status: z.enum(['draft', 'agreed']),
      conditions: z.array(z.string()),
      agreements: z.array(
        z.object({
          description: z.string(),
          ownerUserId: z.string(),
          owner: z.string(),
          dueOn: z.string(),
          status: z.enum(AGREEMENT_STATUSES),
        }),
      ),
      ifItGoesWrong: z.string(),
      changedBy: z.string(),
      changedAt: z.string(),
    })
    .nullable(),
  safetyPlanVersions: z.array(
    z.object({
      version: z.number(),
      status: z.enum(['draft', 'agreed']),
      changedBy: z.string(),
      organisation: z.string(),
      changedAt: z.string(),
      changeNote: z.string().nullable(),
    }),
  ),
});

export const teamCandidate = z.object({
  userId: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisation: z.string(),
  organisationType: z.string(),
});

export const reportCaseLink = z.object({
  caseId: z.uuid().nullable(),
  reference: z.string().nullable(),
  canOpen: z.boolean(),
});
