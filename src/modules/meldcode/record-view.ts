import { DateTime } from 'luxon';
import {
  decideWeighing,
  findWeighingTextVersion,
  WEIGHING_TEXT_VERSIONS,
  type WeighingAnswers,
  type WeighingOutcome,
} from '../../domain/front-door/afwegingskader.ts';
import { assessKindcheck } from '../../domain/front-door/kindcheck.ts';
import {
  checkMeldcodeClosure,
  findMeldcodeStepsVersion,
  type MeldcodeRecordState,
  type MeldcodeStepId,
  nextMeldcodeStep,
} from '../../domain/front-door/meldcode-steps.ts';
import type { RecordRow } from './store.ts';

/** The calendar day in Amsterdam: ages (kindcheck) are counted by the Dutch date. */
export function amsterdamToday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' }).toISODate() ?? now.toISOString().slice(0, 10);
}

export function kindcheckOf(record: RecordRow, now: Date) {
  const persons = record.persons;
  const client = persons[record.client_index];
  return assessKindcheck(
    {
      clientBirthDate: client?.dateOfBirth ?? null,
      // Children named in the record are taken as children the client cares for; the professional
      // confirms or corrects that in the kindcheck note.
      childrenInCare: persons
        .filter((p, i) => i !== record.client_index && p.role === 'child')
        .map((p) => ({ birthDate: p.dateOfBirth })),
      expectingChild: record.expecting_child,
    },
    amsterdamToday(now),
  );
}

export function weighingAnswersOf(record: RecordRow): WeighingAnswers | null {
  return (record.weighing_answers as WeighingAnswers | null) ?? null;
}

/** The record as the pure step rules see it. */
export function stateOf(record: RecordRow, consultationCount: number, now: Date): MeldcodeRecordState {
  const kindcheck = kindcheckOf(record, now);
  const answers = weighingAnswersOf(record);
  const weighing = answers ? decideWeighing(answers) : null;
  const completed: MeldcodeStepId[] = [];
  if (record.signals !== null && (!kindcheck.required || record.kindcheck_note !== null))
    completed.push('map_signals');
  if (consultationCount > 0) completed.push('consult');
  if (record.talk_held === true) completed.push('talk_with_client');
  if (weighing?.kind === 'outcome') completed.push('weigh');
  if (record.outcome !== null) completed.push('decide');
  return {
    completedSteps: completed,
    talkSkippedReason: record.talk_held === false ? record.talk_skipped_reason : null,
    weighing,
    reportSubmitted: record.report_id !== null,
  };
}

export function toSummary(record: RecordRow, consultationCount: number, userId: string, now: Date) {
  const client = record.persons[record.client_index];
  return {
    id: record.id,
    createdAt: record.created_at.toISOString(),
    updatedAt: record.updated_at.toISOString(),
    author: record.author_name,
    mine: record.created_by_user_id === userId,
    clientName: client?.fullName ?? '',
    municipalityName: record.municipality_name,
    nextStep: nextMeldcodeStep(stateOf(record, consultationCount, now)),
    outcome: (record.outcome as WeighingOutcome | null) ?? null,
    reportId: record.report_id,
  };
}

export function toDetail(
  record: RecordRow,
  consultations: {
    id: string;
    kind: string;
    who: string;
    consulted_on: string;
    outcome: string;
    advice_request_id: string | null;
    created_at: Date;
  }[],
  reader: { userId: string; canWrite: boolean },
  now: Date,
) {
  const state = stateOf(record, consultations.length, now);
  const kindcheck = kindcheckOf(record, now);
  const textVersion = findWeighingTextVersion(record.weighing_text_version ?? '2019-1');
  const answers = weighingAnswersOf(record) ?? {};
  const closure = checkMeldcodeClosure(state);
  return {
    ...toSummary(record, consultations.length, reader.userId, now),
    organisation: record.organisation_name,
    municipalityCode: record.municipality_code,
    canWrite: reader.canWrite && record.report_id === null,
    persons: record.persons,
    clientIndex: record.client_index,
    expectingChild: record.expecting_child,
    violenceKinds: record.violence_kinds,
    kindcheck: kindcheck.required
      ? { required: true, reasons: [...kindcheck.reasons], why: null }
      : { required: false, reasons: [], why: kindcheck.why },
    stepsVersion: record.steps_version,
    steps: findMeldcodeStepsVersion(record.steps_version).steps.map((s) => ({
      id: s.id,
      number: s.number,
      text: { nl: s.nl, en: s.en },
      done:
        state.completedSteps.includes(s.id) ||
        (s.id === 'talk_with_client' && (state.talkSkippedReason ?? '') !== ''),
    })),
    signals:
      record.signals !== null && record.signals_at !== null
        ? {
            text: record.signals,
            kindcheckNote: record.kindcheck_note,
            recordedAt: record.signals_at.toISOString(),
          }
        : null,
    consultations: consultations.map((c) => ({
      id: c.id,
      kind: c.kind,
      who: c.who,
      consultedOn: c.consulted_on,
      outcome: c.outcome,
      adviceRequestId: c.advice_request_id,
      recordedAt: c.created_at.toISOString(),
    })),
    talk:
      record.talk_held !== null && record.talk_at !== null
        ? {
            held: record.talk_held,
            summary: record.talk_summary,
            skippedReason: record.talk_skipped_reason,
            recordedAt: record.talk_at.toISOString(),
          }
        : null,
    weighing: {
      textVersion: textVersion.id,
      textVersions: WEIGHING_TEXT_VERSIONS.map((v) => ({ id: v.id, source: v.source })),
      questions: textVersion.questions.map((q) => ({ number: q.number, text: { nl: q.nl, en: q.en } })),
      answers: answers as Record<string, boolean>,
      decision: decideWeighing(answers),
      recordedAt: record.weighing_at?.toISOString() ?? null,
    },
    decision:
      record.outcome !== null && record.decided_at !== null
        ? {
            outcome: record.outcome as WeighingOutcome,
            acute: record.outcome_acute,
            note: record.outcome_note,
            decidedAt: record.decided_at.toISOString(),
          }
        : null,
    report:
      record.report_id !== null && record.report_reference !== null
        ? { id: record.report_id, reference: record.report_reference }
        : null,
    closure: {
      mayClose: closure.mayClose,
      blockers: closure.blockers.map((b) => ({ ...b }) as Record<string, string>),
    },
  };
}
