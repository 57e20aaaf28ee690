import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MeldcodeDetail,
  meldcodeApi,
  type WeighingAnswers,
  type WeighingKey,
} from '../../api/meldcode-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-group.tsx';
import { DataList } from '../../components/data-list.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { TextareaField } from '../../components/form-field.tsx';
import { Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { useFormErrors, useStepMutation, YES_NO, type YesNo } from './meldcode-form-support.ts';

/** The question the afwegingskader asks now: the next one, or question 5 at the follow-up moment. */
function openQuestion(record: MeldcodeDetail): number | null {
  const d = record.weighing.decision;
  if (d.kind === 'question') return d.question ?? null;
  return d.followUpQuestion ?? null;
}

/**
 * Step 4: the five questions of the afwegingskader, one at a time, as the server's decideWeighing
 * asks for them; the texts are those of the version the record is answered under.
 */
export function WeighingStep({ record }: { record: MeldcodeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [answer, setAnswer] = useState<YesNo | null>(null);
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const save = useStepMutation(
    (answers: WeighingAnswers) =>
      meldcodeApi.recordWeighing(record.id, { textVersion: record.weighing.textVersion, answers }),
    () => setAnswer(null),
  );
  const question = openQuestion(record);
  const questionText = (n: number) =>
    record.weighing.questions.find((q) => q.number === n)?.text[language] ?? '';
  const fieldId = `meldcode-weigh-q${question ?? 0}`;
  const firstId = `${fieldId}-yes`;
  const { errors, summary } = useFormErrors(save.error, clientSummary, () => ({
    id: firstId,
    label: t('meldcode.weigh.questionNumber', { number: question ?? 0 }),
  }));
  const answered = record.weighing.questions.filter(
    (q) => record.weighing.answers[`q${q.number}` as WeighingKey] !== undefined,
  );
  const decision = record.weighing.decision;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending || question === null) return;
    const found: SummaryItem[] =
      answer === null ? [{ fieldId: firstId, message: t('meldcode.weigh.errors.answer') }] : [];
    setClientSummary(found);
    if (answer === null) return;
    save.mutate({ ...record.weighing.answers, [`q${question}`]: answer === 'yes' });
  }

  return (
    <>
      <Paragraph>{t('meldcode.weigh.intro')}</Paragraph>
      <Paragraph>{t('meldcode.weigh.version', { version: record.weighing.textVersion })}</Paragraph>
      {answered.length > 0 ? (
        <section aria-label={t('meldcode.weigh.answersCaption')}>
          <DataList
            items={answered.map((q) => ({
              key: `q${q.number}`,
              label: `${t('meldcode.weigh.questionNumber', { number: q.number })}: ${q.text[language]}`,
              value: record.weighing.answers[`q${q.number}` as WeighingKey]
                ? t('common.yes')
                : t('common.no'),
            }))}
          />
        </section>
      ) : null}
      {decision.kind === 'outcome' && decision.outcome ? (
        <Alert type={decision.outcome === 'report' ? 'warning' : 'info'} live="status">
          <Paragraph>
            <strong>
              {t('meldcode.weigh.outcome', { outcome: t(`meldcode.outcome.${decision.outcome}`) })}
            </strong>
          </Paragraph>
          {decision.reason ? <Paragraph>{t(`meldcode.reason.${decision.reason}`)}</Paragraph> : null}
          {decision.followUpQuestion ? <Paragraph>{t('meldcode.weigh.followUp')}</Paragraph> : null}
        </Alert>
      ) : null}
      {record.canWrite && question !== null ? (
        <>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form">
            <RadioGroup
              key={fieldId}
              id={fieldId}
              legend={`${t('meldcode.weigh.questionNumber', { number: question })}: ${questionText(question)}`}
              error={errors[firstId]}
              choices={YES_NO.map((value) => ({ value, label: t(`common.${value}`) }))}
              value={answer}
              onChange={setAnswer}
            />
            <ButtonGroup>
              <Button type="submit" busy={save.isPending}>
                {t('meldcode.weigh.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      ) : null}
      {record.canWrite && answered.length > 0 ? (
        <ButtonGroup>
          <Button type="button" appearance="secondary" onClick={() => save.mutate({})}>
            {t('meldcode.weigh.restart')}
          </Button>
        </ButtonGroup>
      ) : null}
    </>
  );
}

/** Step 5: the outcome is the afwegingskader's and cannot be chosen otherwise; a report needs "acute?". */
export function DecisionStep({ record }: { record: MeldcodeDetail }) {
  const { t } = useTranslation();
  const [acute, setAcute] = useState<YesNo | null>(null);
  const [note, setNote] = useState('');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const save = useStepMutation((input: Parameters<typeof meldcodeApi.recordDecision>[1]) =>
    meldcodeApi.recordDecision(record.id, input),
  );
  const ids = { acute: 'meldcode-decide-acute', note: 'meldcode-decide-note' };
  const acuteFirstId = `${ids.acute}-yes`;
  const { errors, summary } = useFormErrors(save.error, clientSummary, (path) => {
    if (path.startsWith('acute')) return { id: acuteFirstId, label: t('meldcode.decide.acute') };
    if (path.startsWith('note')) return { id: ids.note, label: t('meldcode.decide.note') };
    return null;
  });
  const weighed = record.weighing.decision;
  if (weighed.kind !== 'outcome' || !weighed.outcome)
    return <Paragraph>{t('meldcode.decide.pending')}</Paragraph>;
  const outcome = weighed.outcome;
  const decided = record.decision;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const found: SummaryItem[] =
      outcome === 'report' && acute === null
        ? [{ fieldId: acuteFirstId, message: t('meldcode.decide.errors.acute') }]
        : [];
    setClientSummary(found);
    if (found.length > 0) return;
    save.mutate({
      outcome,
      ...(outcome === 'report' ? { acute: acute === 'yes' } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  return (
    <>
      <DataList
        items={[
          { key: 'outcome', label: t('meldcode.decide.outcome'), value: t(`meldcode.outcome.${outcome}`) },
          ...(decided && decided.acute !== null
            ? [
                {
                  key: 'acute',
                  label: t('meldcode.decide.acute'),
                  value: decided.acute ? t('meldcode.decide.acuteYes') : t('meldcode.decide.acuteNo'),
                },
              ]
            : []),
          ...(decided?.note ? [{ key: 'note', label: t('meldcode.decide.note'), value: decided.note }] : []),
        ]}
      />
      {decided ? (
        <Paragraph>
          {t('meldcode.decide.decided', { outcome: t(`meldcode.outcome.${decided.outcome}`) })}
        </Paragraph>
      ) : null}
      {record.canWrite && !decided ? (
        <>
          <Paragraph>{t('meldcode.decide.fixedOutcome')}</Paragraph>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form">
            {outcome === 'report' ? (
              <RadioGroup
                id={ids.acute}
                legend={t('meldcode.decide.acute')}
                description={t('meldcode.decide.acuteHelp')}
                error={errors[acuteFirstId]}
                choices={YES_NO.map((value) => ({ value, label: t(`common.${value}`) }))}
                value={acute}
                onChange={setAcute}
              />
            ) : null}
            <TextareaField
              id={ids.note}
              label={t('meldcode.decide.note')}
              required={false}
              error={errors[ids.note]}
              rows={3}
              maxLength={5000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <ButtonGroup>
              <Button type="submit" busy={save.isPending}>
                {t('meldcode.decide.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      ) : null}
    </>
  );
}
