import { handoverEscalationJob } from './handover-escalation.ts';
import { insightSummariesJob } from './insight-summaries.ts';
import { measureRemindersJob } from './measure-reminders.ts';
import type { ScheduledJob } from './scheduled-job.ts';

/**
 * The scheduled jobs every installation runs on its cron (scheduler.ts): measure reminders and
 * expiry (issue 3 §7), handover escalation (§9), and keeping regional insight's quarter summaries
 * computed (issue 5). Each part adds its job here.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  measureRemindersJob,
  handoverEscalationJob,
  insightSummariesJob,
];
