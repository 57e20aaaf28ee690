import { handoverEscalationJob } from './handover-escalation.ts';
import { measureRemindersJob } from './measure-reminders.ts';
import type { ScheduledJob } from './scheduled-job.ts';

/**
 * Scheduled jobs of casework: measure reminders and expiry (issue 3 §7), handover escalation
 * (§9), monitoring reminders (§11). Each part adds its job here; the scheduler runs them all.
 */
export const CASEWORK_JOBS: readonly ScheduledJob[] = [measureRemindersJob, handoverEscalationJob];
