import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  authoritiesFor,
  type CaseMeasure,
  caseMeasureKeys,
  caseMeasuresApi,
  type ExtendMeasureInput,
  type LiftMeasureInput,
  type MeasureAuthority,
} from '../../api/case-measures-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { amsterdamLocalToIso } from '../../lib/amsterdam-time.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { isoToAmsterdamLocal } from './measure-time.ts';

const texts = (t: (key: string) => string) => ({
  fieldInvalid: t('common.fieldInvalid'),
  unknownError: t('common.unknownError'),
});

/**
 * Extends a running measure. The server is the judge of the maximum: its refusal (for an order,
 * past 28 days after imposition) is shown at the new-end field, naming the latest allowed end.
 */
export function ExtendMeasureForm({ caseId, measure }: { caseId: string; measure: CaseMeasure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const ids = {
    newEnd: `measure-${measure.id}-new-end`,
    decidedBy: `measure-${measure.id}-extend-by`,
    reason: `measure-${measure.id}-extend-reason`,
    title: `measure-${measure.id}-extend-title`,
  };
  const authorities = authoritiesFor(measure.kind, 'extend');
  const [newEnd, setNewEnd] = useState('');
  const [decidedBy, setDecidedBy] = useState<MeasureAuthority>(authorities[0] ?? 'other');
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const extend = useMutation({
    mutationFn: (input: ExtendMeasureInput) => caseMeasuresApi.extend(caseId, measure.id, input),
    onSuccess: async () => {
      setNewEnd('');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: caseMeasureKeys.list(caseId) });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('newEnd')) return { id: ids.newEnd, label: t('caseMeasures.extend.newEnd') };
    if (path.startsWith('decidedBy')) return { id: ids.decidedBy, label: t('caseMeasures.extend.decidedBy') };
    if (path.startsWith('reason')) return { id: ids.reason, label: t('caseMeasures.extend.reason') };
    return null;
  };
  const server = serverErrors(extend.error, language, fieldRef, texts(t));
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (extend.isPending) return;
    const iso = amsterdamLocalToIso(newEnd);
    const problems: SummaryItem[] = [];
    if (!iso) problems.push({ fieldId: ids.newEnd, message: t('caseMeasures.extend.errors.newEnd') });
    if (!reason.trim())
      problems.push({ fieldId: ids.reason, message: t('caseMeasures.extend.errors.reason') });
    setClientErrors(problems);
    if (problems.length > 0 || !iso) return;
    extend.mutate({ newEnd: iso, decidedBy, reason: reason.trim() });
  }

  return (
    <div className="kring-panel">
      <Heading level={4} id={ids.title}>
        {t('caseMeasures.extend.title')}
      </Heading>
      {extend.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>
            {t('caseMeasures.extend.saved', { end: formatDateTime(extend.data.end, language) })}
          </Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby={ids.title}>
        <TextField
          id={ids.newEnd}
          type="datetime-local"
          label={t('caseMeasures.extend.newEnd')}
          description={
            measure.maximumEnd
              ? t('caseMeasures.extend.newEndHelp', { date: formatDateTime(measure.maximumEnd, language) })
              : t('caseMeasures.noMaximum')
          }
          error={fieldError(ids.newEnd)}
          value={newEnd}
          onChange={(event) => setNewEnd(event.target.value)}
        />
        {measure.maximumEnd ? (
          <ButtonGroup>
            <Button
              type="button"
              appearance="subtle"
              onClick={() => setNewEnd(isoToAmsterdamLocal(measure.maximumEnd ?? ''))}
            >
              {t('caseMeasures.extend.toMaximum')}
            </Button>
          </ButtonGroup>
        ) : null}
        <SelectField
          id={ids.decidedBy}
          label={t('caseMeasures.extend.decidedBy')}
          error={fieldError(ids.decidedBy)}
          value={decidedBy}
          onChange={(event) => setDecidedBy(event.target.value as MeasureAuthority)}
          options={authorities.map((a) => ({ value: a, label: t(`caseMeasures.authorities.${a}`) }))}
        />
        <TextareaField
          id={ids.reason}
          label={t('caseMeasures.extend.reason')}
          rows={2}
          maxLength={2000}
          error={fieldError(ids.reason)}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={extend.isPending}>
            {t('caseMeasures.extend.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** Lifts (ends early) a running or planned measure, with who decided and why. */
export function LiftMeasureForm({ caseId, measure }: { caseId: string; measure: CaseMeasure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const ids = {
    decidedBy: `measure-${measure.id}-lift-by`,
    reason: `measure-${measure.id}-lift-reason`,
    title: `measure-${measure.id}-lift-title`,
  };
  const authorities = authoritiesFor(measure.kind, 'lift');
  const [decidedBy, setDecidedBy] = useState<MeasureAuthority>(authorities[0] ?? 'other');
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const lift = useMutation({
    mutationFn: (input: LiftMeasureInput) => caseMeasuresApi.lift(caseId, measure.id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseMeasureKeys.list(caseId) }),
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('decidedBy')) return { id: ids.decidedBy, label: t('caseMeasures.lift.decidedBy') };
    if (path.startsWith('reason')) return { id: ids.reason, label: t('caseMeasures.lift.reason') };
    return null;
  };
  const server = serverErrors(lift.error, language, fieldRef, texts(t));
  const summary: SummaryItem[] = clientError
    ? [{ fieldId: ids.reason, message: clientError }]
    : server.summary;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (lift.isPending) return;
    if (!reason.trim()) {
      setClientError(t('caseMeasures.lift.errors.reason'));
      return;
    }
    setClientError(null);
    lift.mutate({ decidedBy, reason: reason.trim() });
  }

  return (
    <div className="kring-panel">
      <Heading level={4} id={ids.title}>
        {t('caseMeasures.lift.title')}
      </Heading>
      {lift.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseMeasures.lift.saved')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby={ids.title}>
        <SelectField
          id={ids.decidedBy}
          label={t('caseMeasures.lift.decidedBy')}
          error={server.fields[ids.decidedBy]}
          value={decidedBy}
          onChange={(event) => setDecidedBy(event.target.value as MeasureAuthority)}
          options={authorities.map((a) => ({ value: a, label: t(`caseMeasures.authorities.${a}`) }))}
        />
        <TextareaField
          id={ids.reason}
          label={t('caseMeasures.lift.reason')}
          rows={2}
          maxLength={2000}
          error={clientError ?? server.fields[ids.reason]}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary" busy={lift.isPending}>
            {t('caseMeasures.lift.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
