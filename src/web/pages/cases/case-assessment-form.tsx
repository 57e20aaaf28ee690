import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssessmentInput, type CaseDetail, caseKeys, casesApi } from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';

const SLOTS = [0, 1, 2] as const;
const scoreId = (participantId: string) => `score-${participantId}`;
const concernId = (i: number) => `concern-${i}`;
const actionId = (i: number, field: string) => `action-${i}-${field}`;

interface Draft {
  scores: Record<string, string>;
  concerns: string[];
  actions: { description: string; ownerUserId: string; dueOn: string }[];
}
const emptyDraft = (): Draft => ({
  scores: {},
  concerns: ['', '', ''],
  actions: SLOTS.map(() => ({ description: '', ownerUserId: '', dueOn: '' })),
});

/** MDA++/TOP-3: every participant scores safety 0–10; top three concerns; up to three actions. */
export function CaseAssessmentForm({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  // Which form field each submitted array position came from, to place the server's messages.
  const [sent, setSent] = useState<{ scores: string[]; concerns: number[]; actions: number[] }>({
    scores: [],
    concerns: [],
    actions: [],
  });
  const participants = [
    ...kase.members.map((m) => ({ id: m.id, label: m.fullName })),
    ...kase.team.map((m) => ({ id: m.userId, label: `${m.name} (${m.organisation})` })),
  ];
  const record = useMutation({
    mutationFn: (input: AssessmentInput) => casesApi.recordAssessment(kase.id, input),
    onSuccess: async () => {
      setDraft(emptyDraft());
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    const [list, index, field] = path.split('.');
    const i = Number(index);
    if (list === 'scores') {
      const pid = sent.scores[i];
      const label = participants.find((p) => p.id === pid)?.label ?? t('cases.assessment.scores');
      return pid ? { id: scoreId(pid), label } : null;
    }
    if (list === 'concerns') {
      const slot = sent.concerns[i] ?? 0;
      return { id: concernId(slot), label: t('cases.assessment.concern', { number: slot + 1 }) };
    }
    if (list === 'actions' && field) {
      const slot = sent.actions[i];
      if (slot === undefined) return null;
      const key = field === 'ownerUserId' ? 'owner' : field === 'dueOn' ? 'dueOn' : 'description';
      return {
        id: actionId(slot, key),
        label: `${t('cases.assessment.action', { number: slot + 1 })}: ${t(`cases.assessment.${key}`)}`,
      };
    }
    return null;
  };
  const server = serverErrors(record.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (fieldId: string) =>
    clientErrors.find((e) => e.fieldId === fieldId)?.message ?? server.fields[fieldId];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (record.isPending) return;
    const problems: SummaryItem[] = [];
    const scores = participants.flatMap((p) => {
      const raw = draft.scores[p.id]?.trim() ?? '';
      if (raw === '') return [];
      const score = Number(raw);
      if (!Number.isInteger(score) || score < 0 || score > 10)
        problems.push({
          fieldId: scoreId(p.id),
          message: `${p.label}: ${t('cases.assessment.errors.score')}`,
        });
      return [{ participantId: p.id, score }];
    });
    if (scores.length === 0)
      problems.push({
        fieldId: scoreId(participants[0]?.id ?? ''),
        message: t('cases.assessment.errors.noScores'),
      });
    const concernSlots = SLOTS.filter((i) => (draft.concerns[i] ?? '').trim() !== '');
    if (concernSlots.length === 0)
      problems.push({ fieldId: concernId(0), message: t('cases.assessment.errors.concern') });
    const actionSlots = SLOTS.filter((i) => {
      const a = draft.actions[i];
      return a && (a.description.trim() !== '' || a.ownerUserId !== '' || a.dueOn !== '');
    });
    setClientErrors(problems);
    if (problems.length > 0) return;
    setSent({ scores: scores.map((s) => s.participantId), concerns: concernSlots, actions: actionSlots });
    record.mutate({
      scores,
      concerns: concernSlots.map((i) => (draft.concerns[i] ?? '').trim()),
      actions: actionSlots.map((i) => {
        const a = draft.actions[i] ?? { description: '', ownerUserId: '', dueOn: '' };
        return { description: a.description.trim(), ownerUserId: a.ownerUserId, dueOn: a.dueOn };
      }),
    });
  }

  const setScore = (id: string, value: string) =>
    setDraft((d) => ({ ...d, scores: { ...d.scores, [id]: value } }));
  const setConcern = (i: number, value: string) =>
    setDraft((d) => ({ ...d, concerns: d.concerns.map((c, j) => (j === i ? value : c)) }));
  const setAction = (i: number, field: keyof Draft['actions'][number], value: string) =>
    setDraft((d) => ({ ...d, actions: d.actions.map((a, j) => (j === i ? { ...a, [field]: value } : a)) }));

  return (
    <div className="kring-panel">
      <Heading level={3} id="assessment-form-title">
        {t('cases.assessment.formTitle')}
      </Heading>
      {record.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('cases.assessment.recorded')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="assessment-form-title">
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kring-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
            {t('cases.assessment.scores')}
          </legend>
          <Paragraph>{t('cases.assessment.scoresHelp')}</Paragraph>
          {participants.map((p) => (
            <TextField
              key={p.id}
              id={scoreId(p.id)}
              label={p.label}
              required={false}
              type="number"
              inputMode="numeric"
              min={0}
              max={10}
              step={1}
              error={fieldError(scoreId(p.id))}
              value={draft.scores[p.id] ?? ''}
              onChange={(event) => setScore(p.id, event.target.value)}
            />
          ))}
        </fieldset>
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kring-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
            {t('cases.assessment.concerns')}
          </legend>
          {SLOTS.map((i) => (
            <TextField
              key={i}
              id={concernId(i)}
              label={t('cases.assessment.concern', { number: i + 1 })}
              required={i === 0}
              maxLength={500}
              error={fieldError(concernId(i))}
              value={draft.concerns[i] ?? ''}
              onChange={(event) => setConcern(i, event.target.value)}
            />
          ))}
        </fieldset>
        {SLOTS.map((i) => (
          <fieldset
            key={i}
            className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kring-fieldset"
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
              {t('cases.assessment.action', { number: i + 1 })}
            </legend>
            <TextField
              id={actionId(i, 'description')}
              label={t('cases.assessment.description')}
              required={false}
              maxLength={1000}
              error={fieldError(actionId(i, 'description'))}
              value={draft.actions[i]?.description ?? ''}
              onChange={(event) => setAction(i, 'description', event.target.value)}
            />
            <SelectField
              id={actionId(i, 'owner')}
              label={t('cases.assessment.owner')}
              required={false}
              placeholder={t('cases.assessment.chooseOwner')}
              error={fieldError(actionId(i, 'owner'))}
              value={draft.actions[i]?.ownerUserId ?? ''}
              onChange={(event) => setAction(i, 'ownerUserId', event.target.value)}
              options={kase.team.map((m) => ({ value: m.userId, label: `${m.name} (${m.organisation})` }))}
            />
            <TextField
              id={actionId(i, 'dueOn')}
              label={t('cases.assessment.dueOn')}
              required={false}
              type="date"
              error={fieldError(actionId(i, 'dueOn'))}
              value={draft.actions[i]?.dueOn ?? ''}
              onChange={(event) => setAction(i, 'dueOn', event.target.value)}
            />
          </fieldset>
        ))}
        <ButtonGroup>
          <Button type="submit" busy={record.isPending}>
            {t('cases.assessment.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
