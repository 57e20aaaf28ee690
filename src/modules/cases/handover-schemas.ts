import { z } from 'zod';
import type { HandoverStatus } from '../../domain/casework/handover.ts';
import { plainText } from '../../validation/text.ts';
import { CASE_ROLES } from './schemas.ts';

export const HANDOVER_SUBJECTS = ['coordination', 'task'] as const;
export type HandoverSubject = (typeof HANDOVER_SUBJECTS)[number];
export const HANDOVER_STATUSES = [
  'proposed',
  'accepted',
  'declined',
  'withdrawn',
  'escalated',
  'resolved',
] as const satisfies readonly HandoverStatus[];
export const HANDOVER_RESOLUTIONS = ['handed_over', 'stays_with_sender', 'other'] as const;
export const JOINT_CONTACT_MODES = ['home_visit', 'office', 'phone', 'video', 'other'] as const;
export const HANDOVER_ACTIONS = [
  'propose',
  'accept',
  'decline',
  'withdraw',
  'escalate',
  'resolve',
  'joint_contact',
] as const;
export type HandoverActionName = (typeof HANDOVER_ACTIONS)[number];
/** Roles a receiver may take for a task; coordination always makes the receiver coordinator. */
export const TASK_ROLES = CASE_ROLES.filter((r) => r !== 'coordinator') as [
  Exclude<(typeof CASE_ROLES)[number], 'coordinator'>,
  ...Exclude<(typeof CASE_ROLES)[number], 'coordinator'>[],
];

export const handoverParams = z.object({ handoverId: z.uuid() });

export const proposeHandoverInput = z
  .object({
    subject: z.enum(HANDOVER_SUBJECTS),
    taskDescription: plainText(1_000).optional(),
    toOrganisationId: z.uuid(),
    toUserId: z.uuid().optional(),
    summary: plainText(4_000),
    warm: z.boolean(),
  })
  .strict();
export type ProposeHandoverInput = z.infer<typeof proposeHandoverInput>;

export const acceptHandoverInput = z.object({ caseRole: z.enum(TASK_ROLES).optional() }).strict();
export const reasonInput = z.object({ reason: plainText(2_000) }).strict();
export const resolveHandoverInput = z
  .object({
    resolution: z.enum(HANDOVER_RESOLUTIONS),
    reason: plainText(2_000),
    receiverUserId: z.uuid().optional(),
  })
  .strict();
export type ResolveHandoverInput = z.infer<typeof resolveHandoverInput>;
export const jointContactInput = z
  .object({
    contactAt: z.iso.datetime({ offset: true }),
    mode: z.enum(JOINT_CONTACT_MODES),
    senderUserId: z.uuid(),
    receiverUserId: z.uuid(),
    note: plainText(2_000).optional(),
  })
  .strict();
export type JointContactInput = z.infer<typeof jointContactInput>;

const person = z.object({ userId: z.uuid(), name: z.string() });
const party = z.object({ organisationId: z.uuid(), organisation: z.string(), user: person.nullable() });

/** What a party sees of a handover. The receiver sees this before it may see the case. */
export const handoverView = z.object({
  id: z.uuid(),
  /** Only when the reader may open the case; the receiver gets it once the handover is accepted. */
  caseId: z.uuid().nullable(),
  caseReference: z.string(),
  municipalityName: z.string(),
  subject: z.enum(HANDOVER_SUBJECTS),
  taskDescription: z.string().nullable(),
  summary: z.string(),
  warm: z.boolean(),
  from: party,
  to: party,
  status: z.enum(HANDOVER_STATUSES),
  proposedAt: z.string(),
  responseDueAt: z.string(),
  /** The deadline that runs now (answer or escalation level), null when none runs. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  reason: z.string().nullable(),
  escalation: z
    .object({ level: z.number().int(), role: z.string().nullable(), dueAt: z.string() })
    .nullable(),
  jointContact: z
    .object({
      at: z.string(),
      mode: z.enum(JOINT_CONTACT_MODES),
      sender: person.nullable(),
      receiver: person.nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  resolution: z.enum(HANDOVER_RESOLUTIONS).nullable(),
  decidedAt: z.string().nullable(),
  takenOverBy: person.nullable(),
  history: z.array(
    z.object({
      action: z.enum(HANDOVER_ACTIONS),
      fromStatus: z.enum(HANDOVER_STATUSES).nullable(),
      toStatus: z.enum(HANDOVER_STATUSES),
      by: z.string().nullable(),
      organisation: z.string().nullable(),
      automatic: z.boolean(),
      reason: z.string().nullable(),
      escalationLevel: z.number().int().nullable(),
      at: z.string(),
    }),
  ),
  /** How the reader stands to the handover, and which steps the rules allow them right now. */
  mySide: z.enum(['sender', 'receiver', 'other']),
  allowed: z.object({
    accept: z.boolean(),
    decline: z.boolean(),
    withdraw: z.boolean(),
    escalate: z.boolean(),
    resolve: z.boolean(),
    jointContact: z.boolean(),
  }),
  /** For the two parties: who of each organisation can be named for the joint contact or takeover. */
  people: z.object({ sender: z.array(person), receiver: z.array(person) }).nullable(),
});
export type HandoverView = z.infer<typeof handoverView>;

export const waitingHandover = z.object({
  id: z.uuid(),
  caseReference: z.string(),
  municipalityName: z.string(),
  subject: z.enum(HANDOVER_SUBJECTS),
  summary: z.string(),
  warm: z.boolean(),
  fromOrganisation: z.string(),
  fromUser: z.string(),
  toUserId: z.uuid().nullable(),
  status: z.enum(['proposed', 'escalated']),
  escalationLevel: z.number().int().nullable(),
  proposedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
});

export const handoverCandidates = z.object({
  organisations: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string() })),
  people: z.array(z.object({ userId: z.uuid(), name: z.string(), organisationId: z.uuid() })),
});
