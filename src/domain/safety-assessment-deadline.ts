import { addWorkingDays, endOfAmsterdamDay } from './working-days.ts';

/** Veilig Thuis must assess safety within 5 working days of a report, at once when acute. */
export const SAFETY_ASSESSMENT_WORKING_DAYS = 5;

export interface AssessmentDeadline {
  /** The instant by which the veiligheidsbeoordeling must be done. */
  dueAt: Date;
  /** True when the report is acute: the deadline is the moment of receipt. */
  immediate: boolean;
}

export function computeAssessmentDeadline(receivedAt: Date, acute: boolean): AssessmentDeadline {
  if (acute) return { dueAt: receivedAt, immediate: true };
  return {
    dueAt: endOfAmsterdamDay(addWorkingDays(receivedAt, SAFETY_ASSESSMENT_WORKING_DAYS)),
    immediate: false,
  };
}
