/**
 * The figures the synthetic data is calibrated on, with their sources. Region-specific figures come
 * from the imported region files (table region_figure, transcribed from the seeds); these are the
 * national ones and the shares the seeds and reference.md give.
 */
export const CALIBRATION = {
  /** Issue 5: 10 years of all Veilig Thuis regions ≈ 1,300,000 reports; CBS 84849NED 2023: 127,340. */
  nationalReportsPerYear: 130_000,
  /** CBS 84849NED 2023: 143,210 advice requests (reference.md §2). */
  nationalAdviceRequestsPerYear: 143_210,
  /** Inhabitants of the Netherlands, 2023 [G]; denominator for regions without their own figures. */
  nationalPopulation: 17_900_000,
  /** Veilig Thuis regions (reference.md §1: 26); the five configured ones plus synthetic ones. */
  veiligThuisRegions: 26,
  /** Seed 000: "70% van de meldingen VT komt van politie" (CBS 2023: justice & security 67%). */
  policeShare: 0.7,
  /** CBS, H1 2022: 38% of reports are re-reports (seed 004, reference.md §1). */
  reReportRate: 0.38,
  /** CBS 85361NED 2023: 28.5% of reports arrive during Veilig Thuis involvement (vervolgmeldingen). */
  followUpRate: 0.285,
  /** Seed 000: "Bijna de helft van alle Veilig Thuis meldingen gaat over kindermishandeling". */
  childAbuseShare: 0.47,
  /** Seed 000: 68 elder-abuse reports out of 2,839 in 2020 (2.4%). */
  elderAbuseShare: 0.024,
  /** Seed 003: in about 20% of reports the violence lasted longer than a year. */
  longViolenceShare: 0.2,
  /** Seed 004: 1,425 chats against 12,261 advice requests in 2022 (11.6%). */
  chatShare: 0.116,
  /** Reference.md §1: Veilig Thuis investigates at most about 20% of reports itself. */
  investigationShare: 0.12,
  /** Reference.md §1: norm 90% of safety assessments within 5 working days; in practice fewer [S 15–17]. */
  assessmentOnTimeShare: 0.78,
  /** Reference.md §1: norm 80% of investigations concluded within 10 weeks. */
  investigationOnTimeShare: 0.74,
  /** Yearly growth of advice requests (seed 003: +20% in 2017–2019); reports stay level (seed 003). */
  adviceGrowthPerYear: 0.04,
} as const;

/** Kinds of violence in reports; child abuse and elder abuse from the seeds, the rest [G]. */
export const REPORT_VIOLENCE_KINDS = [
  ['child_abuse', CALIBRATION.childAbuseShare],
  ['partner_violence', 0.27],
  ['ex_partner_violence', 0.1],
  ['violence_against_parents', 0.05],
  ['elder_abuse', CALIBRATION.elderAbuseShare],
  ['honour_based_violence', 0.006],
  ['forced_marriage', 0.002],
  ['female_genital_mutilation', 0.001],
  ['other_domestic_violence', 0.077],
] as const;
