import { z } from 'zod';
import { MEASURE_KINDS } from '../../domain/casework/measure-clock.ts';
import { MEETING_KINDS } from '../../domain/casework/meeting.ts';
import { INFORMATION_CATEGORIES } from '../../domain/information-category.ts';
import { caseSummary } from './schemas.ts';
import { TIMELINE_KINDS } from './work-store.ts';

/** Schemas of "my work" and the household timeline (issue 3 §12); they also make the OpenAPI document. */

export const WORK_ITEM_KINDS = ['action', 'agreement', 'measure_end', 'monitoring'] as const;
/** Where on the case page an item is worked on. */
export const WORK_SECTIONS = ['actions', 'safety_plan', 'measures', 'monitoring'] as const;

const workItem = z.object({
  /** Unique within the answer: kind and the record's id (an agreement: plan version and position). */
  id: z.string(),
  kind: z.enum(WORK_ITEM_KINDS),
  caseId: z.uuid(),
  caseReference: z.string(),
  /** Amsterdam calendar date the item is due (the day a measure ends, a moment falls due). */
  dueOn: z.iso.date(),
  /** The exact moment, where the item has one (measure end, monitoring moment); else null. */
  dueAt: z.string().nullable(),
  /** The action's or agreement's own words; null for measures and monitoring moments. */
  description: z.string().nullable(),
  meetingKind: z.enum(MEETING_KINDS).nullable(),
  measureKind: z.enum(MEASURE_KINDS).nullable(),
  monthsAfter: z.number().nullable(),
  link: z.object({ caseId: z.uuid(), section: z.enum(WORK_SECTIONS) }),
});

const workHandover = z.object({
  id: z.uuid(),
  caseReference: z.string(),
  municipalityName: z.string(),
  subject: z.enum(['coordination', 'task']),
  fromOrganisation: z.string(),
  fromUser: z.string(),
  toMe: z.boolean(),
  status: z.enum(['proposed', 'escalated']),
  escalationLevel: z.number().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
});

export const myWork = z.object({
  /** Today and the current week (Monday to Sunday), in Amsterdam. */
  today: z.iso.date(),
  week: z.object({ from: z.iso.date(), to: z.iso.date() }),
  /** Due from today to Sunday and not done yet. */
  thisWeek: z.array(workItem),
  /** Due before today (a date) or before now (a moment), still open. */
  overdue: z.array(workItem),
  handovers: z.array(workHandover),
  cases: z.array(caseSummary),
});

const timelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  category: z.enum(INFORMATION_CATEGORIES),
  organisation: z.string().nullable(),
  actor: z.string().nullable(),
  /** What the short label needs (codes, numbers, references); per kind, see work-store.ts. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const caseTimeline = z.object({
  entries: z.array(timelineEntry),
  /** How many entries the reader's categories hold back. */
  withheld: z.number(),
});
