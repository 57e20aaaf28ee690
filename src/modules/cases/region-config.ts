import type { PhaseRegionConfig } from '../../domain/casework/safety-phase.ts';

/**
 * Phase rules the regions will configure (issue 3 §3). Until region files carry them, every region
 * uses these: a case closes only with an assessment of at most 30 days old whose lowest participant
 * score is at least 7 (one person feeling unsafe is what matters, so the minimum counts).
 */
export const PHASE_REGION_CONFIG: PhaseRegionConfig = { closeThreshold: 7, assessmentMaxAgeDays: 30 };
