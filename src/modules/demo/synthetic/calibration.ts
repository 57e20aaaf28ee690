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

  // Measures on household cases (issue 3 §7). A region's own figure (region_figure, from its seed)
  // wins; otherwise the national rate per inhabitant below.
  /**
   * Tijdelijke huisverboden a year in the Netherlands: roughly 3,000–4,000 [G] (about 20 per 100,000
   * inhabitants). The seeds agree in order of magnitude: Zaanstreek-Waterland 95, 74 and 100 in
   * 2017–2019 (~27 per 100,000, seed 003), Rotterdam-Rijnmond 607 in 2022 (~47, a city region, seed
   * 004), Gelderland-Zuid "B5" in 2020 in the scanned infographic of seed 000 (most likely 85, ~16;
   * not in its region file, so Gelderland-Zuid gets the national rate: ~105 a year).
   */
  nationalRestrainingOrdersPerYear: 3_500,
  /**
   * Share of orders the mayor extends (art. 9, to at most 4 weeks after imposition): "about a third
   * to half" [G]; nearly always to the full 28 days. An extension is only recorded while the order
   * runs, so orders recorded late in their 10 days are extended a little less often.
   */
  restrainingOrderExtendedShare: 0.42,
  restrainingOrderExtendedToMaximumShare: 0.9,
  /** Orders withdrawn by the mayor (art. 2 lid 9) or ended by the court on appeal (art. 6) [G]. */
  restrainingOrderLiftedShare: 0.04,
  /**
   * Crisis care (crisishulp, at most 6 weeks) per 100,000 inhabitants: Zaanstreek-Waterland's
   * Veilig Thuis went out 148 times in 2019 for about 340,000 inhabitants (~43 per 100,000, seed 003), and
   * its crisis reports lie about 20% above the national average (same seed): 43 / 1.2 ≈ 36. A region
   * with its own figure (vt_crisis_callouts) uses that.
   */
  crisisCarePer100k: 36,
  /** Share of crisis care that runs its full 6 weeks; the rest ends early once regular help takes over [G]. */
  crisisCareFullTermShare: 0.2,
  /**
   * Shelter stays (one per household) per 100,000 inhabitants: Moviera sheltered 67 women (and 57
   * children) in Gelderland-Zuid in 2020 (seed 000; region figure shelter_women_sheltered), ~536,000
   * inhabitants: 12.5.
   */
  shelterStaysPer100k: 12.5,
  /** Length of a stay: log-normal around 6 weeks, from a few days to a year [G]. */
  shelterStayMedianDays: 42,
  /**
   * Intensive case management follows most orders (seed 001: "In geval van een tijdelijk huisverbod
   * … wordt intensief casemanagement ingezet"), and some crisis care [G].
   */
  intensiveCaseManagementAfterOrderShare: 0.7,
  intensiveCaseManagementAfterCrisisShare: 0.15,
  /** Aware alarm for the victim after an order in (ex-)partner violence [G; seed 000 names Aware trajectories]. */
  awareAfterPartnerOrderShare: 0.25,

  // Help beyond the measures (issue 5 §1), no figures in the seeds: our assumptions [G].
  /** Perpetrator help offered in cases with a perpetrator member; most after an order (the order's aim). */
  perpetratorHelpOfferShare: 0.32,
  perpetratorHelpOfferShareAfterOrder: 0.8,
  /** Outcome of an offer: used, declined; the rest never answered (stays open). */
  perpetratorHelpUsedShare: 0.58,
  perpetratorHelpDeclinedShare: 0.3,
  /** An experience expert takes part in a small share of cases (the plans ask for more; 5–10%). */
  experienceExpertShare: 0.08,

  // Coordination handovers from Veilig Thuis to the local team after the safety phase (issue 3 §9) [G].
  /** Outcome of a proposal: accepted in time, declined (then escalated), unanswered (escalated by the scheduler), withdrawn. */
  handoverAcceptedShare: 0.8,
  handoverDeclinedShare: 0.09,
  handoverUnansweredShare: 0.05,
  /** Warm handover: Veilig Thuis and the local team meet the household together before acceptance. */
  handoverWarmShare: 0.85,
} as const;

/** Why cases close (src/modules/cases/closure-letter.ts CLOSURE_REASONS) [G]. */
export const CLOSURE_REASON_WEIGHTS = [
  ['safety_stable', 0.6],
  ['regular_help', 0.3],
  ['moved_away', 0.05],
  ['other', 0.05],
] as const;

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
