import type { MonitoringScheduleConfig } from '../../domain/casework/monitoring-schedule.ts';

/**
 * Follow-up moments during monitoring (issue 3 §11). Sources give no fixed moments (reference.md
 * §1: "3 and 6 months" [NF]), so regions configure them; until region files carry them every region
 * uses these: a first check after one month, when a relapse is most likely, then after three and
 * six months. A moment shows as due a week before its date, so the contact can be planned.
 */
export const MONITORING_REGION_CONFIG: MonitoringScheduleConfig = {
  intervalsMonths: [1, 3, 6],
  dueWindowDays: 7,
};
