import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.ts';
import * as totpReplay from './0002-totp-replay.ts';
import * as safetyAssessment from './0003-safety-assessment.ts';
import * as reportSource from './0004-report-source.ts';
import * as adviceAndPublic from './0005-advice-and-public-intake.ts';
import * as meldcode from './0006-meldcode.ts';
import * as cases from './0007-cases.ts';
import * as investigationOutcome from './0008-investigation-outcome.ts';
import * as informing from './0009-informing.ts';
import * as measures from './0010-measures.ts';
import * as meetings from './0011-meetings.ts';
import * as handovers from './0012-handovers.ts';
import * as checklistsDocuments from './0013-checklists-documents.ts';
import * as monitoringClosure from './0014-monitoring-closure.ts';
import * as insight from './0015-insight.ts';
import * as outsideFigures from './0016-outside-figures.ts';
import * as regionAgreements from './0017-region-agreements.ts';
import * as insightIndexes from './0018-insight-indexes.ts';
import * as caseworkIndexes from './0019-casework-indexes.ts';
import * as caseSupport from './0020-case-support.ts';
import * as insightCasework from './0021-insight-casework.ts';

/** Every migration, in order. Names are numbered; a migration is never edited once released. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-totp-replay': totpReplay,
  '0003-safety-assessment': safetyAssessment,
  '0004-report-source': reportSource,
  '0005-advice-and-public-intake': adviceAndPublic,
  '0006-meldcode': meldcode,
  '0007-cases': cases,
  '0008-investigation-outcome': investigationOutcome,
  '0009-informing': informing,
  '0010-measures': measures,
  '0011-meetings': meetings,
  '0012-handovers': handovers,
  '0013-checklists-documents': checklistsDocuments,
  '0014-monitoring-closure': monitoringClosure,
  '0015-insight': insight,
  '0016-outside-figures': outsideFigures,
  '0017-region-agreements': regionAgreements,
  '0018-insight-indexes': insightIndexes,
  '0019-casework-indexes': caseworkIndexes,
  '0020-case-support': caseSupport,
  '0021-insight-casework': insightCasework,
};
