import { z } from 'zod';
import { ACTION_STATUSES, CLOSING_STATUSES, MEETING_KINDS } from '../../domain/casework/meeting.ts';
import { INFORMATION_CATEGORIES } from '../../domain/information-category.ts';
import { plainText } from '../../validation/text.ts';
import { CASE_ROLES } from './schemas.ts';

/** Schemas of multi-agency meetings and plan actions (issue 3 §8); they also make the OpenAPI document. */

const teamParticipant = z
  .object({
    type: z.literal('team_member'),
    userId: z.uuid(),
    organisationId: z.uuid(),
    chair: z.boolean().default(false),
  })
  .strict();
const outsideParticipant = z
  .object({
    type: z.literal('outside'),
    name: plainText(200),
    organisation: plainText(200),
    role: plainText(200),
    chair: z.boolean().default(false),
  })
  .strict();

export const meetingInput = z
  .object({
    kind: z.enum(MEETING_KINDS),
    heldAt: z.iso.datetime({ offset: true }),
    /** Category of the meeting's record; left out, it follows the kind (Actieoverleg: justice). */
    category: z.enum(INFORMATION_CATEGORIES).optional(),
    agenda: z.array(plainText(500)).min(1).max(20),
    participants: z
      .array(z.discriminatedUnion('type', [teamParticipant, outsideParticipant]))
      .min(1)
      .max(40),
    information: z
      .array(
        z.object({ category: z.enum(INFORMATION_CATEGORIES).optional(), body: plainText(5_000) }).strict(),
      )
      .max(30),
    decisions: z
      .array(
        z
          .object({
            description: plainText(1_000),
            ownerUserId: z.uuid(),
            dueOn: z.iso.date(),
            monitoring: plainText(1_000),
          })
          .strict(),
      )
      .max(20),
  })
  .strict();
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingCreated = z.object({ id: z.uuid(), actionIds: z.array(z.uuid()) });

const participant = z.object({
  type: z.enum(['team_member', 'outside']),
  userId: z.uuid().nullable(),
  name: z.string(),
  organisation: z.string(),
  /** Team members: their part in the team at the time of the meeting. */
  caseRole: z.enum(CASE_ROLES).nullable(),
  /** People from outside the team: their role as given. */
  role: z.string().nullable(),
  chair: z.boolean(),
});

const decision = z.object({
  actionId: z.uuid(),
  description: z.string(),
  ownerUserId: z.uuid(),
  owner: z.string(),
  dueOn: z.string(),
  monitoring: z.string(),
  status: z.enum(ACTION_STATUSES),
});

export const meetingList = z.object({
  meetings: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(MEETING_KINDS),
      heldAt: z.string(),
      category: z.enum(INFORMATION_CATEGORIES),
      organisation: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
      agenda: z.array(z.string()),
      participants: z.array(participant),
      information: z.array(z.object({ category: z.enum(INFORMATION_CATEGORIES), body: z.string() })),
      informationWithheld: z.number(),
      decisions: z.array(decision),
    }),
  ),
  /** Meetings on the case whose record the reader's organisation may not read. */
  withheld: z.number(),
});

export const planActionList = z.object({
  actions: z.array(
    z.object({
      id: z.uuid(),
      description: z.string(),
      ownerUserId: z.uuid(),
      owner: z.string(),
      dueOn: z.string(),
      status: z.enum(ACTION_STATUSES),
      monitoring: z.string().nullable(),
      source: z.object({
        type: z.enum(['assessment', 'meeting']),
        id: z.uuid(),
        meetingKind: z.enum(MEETING_KINDS).nullable(),
        at: z.string(),
      }),
      statusNote: z.string().nullable(),
      statusChangedBy: z.string().nullable(),
      statusChangedAt: z.string().nullable(),
      canUpdate: z.boolean(),
    }),
  ),
  /** Actions from meetings whose record the reader may not read. */
  withheld: z.number(),
});

export const actionParams = z.object({ id: z.uuid(), actionId: z.uuid() });

export const actionStatusInput = z
  .object({ status: z.enum(CLOSING_STATUSES), note: plainText(500) })
  .strict();
export type ActionStatusInput = z.infer<typeof actionStatusInput>;

export const actionStatusResult = z.object({ id: z.uuid(), status: z.enum(ACTION_STATUSES) });
