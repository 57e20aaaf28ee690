import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MONITORING_CONTACT_WITH,
  MONITORING_OUTCOMES,
  type MomentStatus,
  type MonitoringContactWith,
  type MonitoringMoment,
  type MonitoringOutcome,
  useClosureActions,
  useMonitoring,
} from '../../api/case-closure-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { type BadgeVariant, StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { CaseClosureForms } from './case-closure-forms.tsx';
import { CaseClosureHistory } from './case-closure-history.tsx';

const BADGE: Record<MomentStatus, BadgeVariant> = {
  upcoming: 'neutral',
  due: 'warning',
  overdue: 'danger',
  done: 'success',
  cancelled: 'neutral',
};

const ID = {
  moment: 'monitoring-moment',
  with: 'monitoring-with',
  outcome: 'monitoring-outcome',
  score: 'monitoring-score',
  note: 'monitoring-note',
} as const;

function MomentsTable({ moments }: { moments: MonitoringMoment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table caption={t('caseClosure.monitoring.caption')}>
      <TableHead
        columns={[
          t('caseClosure.monitoring.moment'),
          t('caseClosure.monitoring.dueOn'),
          t('caseClosure.monitoring.status'),
          t('caseClosure.monitoring.contacts'),
        ]}
      />
      <TableBody>
        {moments.map((m) => (
          <Row key={m.id}>
            <RowHeader>{t('caseClosure.monitoring.monthsAfter', { count: m.monthsAfter })}</RowHeader>
            <Cell>{formatCalendarDate(m.dueOn, language)}</Cell>
            <Cell>
              <StatusBadge variant={BADGE[m.status]}>
                {t(`caseClosure.monitoring.statuses.${m.status}`)}
              </StatusBadge>
            </Cell>
            <Cell>
              {m.contacts.length === 0 ? (
                t('caseClosure.monitoring.noContacts')
              ) : (
                <ul className="utrecht-unordered-list">
                  {m.contacts.map((c) => (
                    <li key={c.id} className="utrecht-unordered-list__item">
                      {t('caseClosure.monitoring.contactLine', {
                        date: formatDateTime(c.contactedAt, language),
                        with: t(`caseClosure.contact.withOptions.${c.contactWith}`),
                        outcome: t(`caseClosure.contact.outcomes.${c.outcome}`),
                        by: c.recordedBy,
                        organisation: c.organisation,
                      })}
                      {c.score === null
                        ? null
                        : ` (${t('caseClosure.monitoring.contactScore', { score: c.score })})`}
                      <br />
                      {c.note}
                    </li>
                  ))}
                </ul>
              )}
            </Cell>
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}

function ContactForm({ caseId, moments }: { caseId: string; moments: MonitoringMoment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { recordContact } = useClosureActions(caseId);
  const open = moments.filter((m) => m.status !== 'done' && m.status !== 'cancelled');
  const [momentId, setMomentId] = useState('');
  const [contactWith, setContactWith] = useState<MonitoringContactWith>('household');
  const [outcome, setOutcome] = useState<MonitoringOutcome>('safety_holds');
  const [score, setScore] = useState('');
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('momentId')) return { id: ID.moment, label: t('caseClosure.contact.moment') };
    if (path.startsWith('contactWith')) return { id: ID.with, label: t('caseClosure.contact.with') };
    if (path.startsWith('outcome')) return { id: ID.outcome, label: t('caseClosure.contact.outcome') };
    if (path.startsWith('score')) return { id: ID.score, label: t('caseClosure.contact.score') };
    if (path.startsWith('note')) return { id: ID.note, label: t('caseClosure.contact.note') };
    return null;
  };
  const server = serverErrors(recordContact.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];
  if (open.length === 0) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (recordContact.isPending) return;
    const problems: SummaryItem[] = [];
    if (!momentId) problems.push({ fieldId: ID.moment, message: t('caseClosure.contact.errors.moment') });
    const scoreValue = score.trim() === '' ? undefined : Number(score);
    if (scoreValue !== undefined && !(Number.isInteger(scoreValue) && scoreValue >= 0 && scoreValue <= 10))
      problems.push({ fieldId: ID.score, message: t('caseClosure.contact.errors.score') });
    if (!note.trim()) problems.push({ fieldId: ID.note, message: t('caseClosure.contact.errors.note') });
    setClientErrors(problems);
    if (problems.length > 0) return;
    recordContact.mutate(
      {
        momentId,
        contactWith,
        outcome,
        note: note.trim(),
        ...(scoreValue === undefined ? {} : { score: scoreValue }),
      },
      {
        onSuccess: () => {
          setMomentId('');
          setScore('');
          setNote('');
        },
      },
    );
  }

  return (
    <div className="kring-panel">
      <Heading level={4} id="monitoring-contact-title">
        {t('caseClosure.contact.formTitle')}
      </Heading>
      {recordContact.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseClosure.contact.saved')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="monitoring-contact-title">
        <SelectField
          id={ID.moment}
          label={t('caseClosure.contact.moment')}
          error={fieldError(ID.moment)}
          value={momentId}
          placeholder={t('caseClosure.contact.choose')}
          onChange={(event) => setMomentId(event.target.value)}
          options={open.map((m) => ({
            value: m.id,
            label: `${t('caseClosure.monitoring.monthsAfter', { count: m.monthsAfter })} (${formatCalendarDate(m.dueOn, language)})`,
          }))}
        />
        <SelectField
          id={ID.with}
          label={t('caseClosure.contact.with')}
          error={fieldError(ID.with)}
          value={contactWith}
          onChange={(event) => setContactWith(event.target.value as MonitoringContactWith)}
          options={MONITORING_CONTACT_WITH.map((w) => ({
            value: w,
            label: t(`caseClosure.contact.withOptions.${w}`),
          }))}
        />
        <SelectField
          id={ID.outcome}
          label={t('caseClosure.contact.outcome')}
          error={fieldError(ID.outcome)}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as MonitoringOutcome)}
          options={MONITORING_OUTCOMES.map((o) => ({
            value: o,
            label: t(`caseClosure.contact.outcomes.${o}`),
          }))}
        />
        <TextField
          id={ID.score}
          label={t('caseClosure.contact.score')}
          description={t('caseClosure.contact.scoreHelp')}
          error={fieldError(ID.score)}
          required={false}
          inputMode="numeric"
          value={score}
          onChange={(event) => setScore(event.target.value)}
        />
        <TextareaField
          id={ID.note}
          label={t('caseClosure.contact.note')}
          error={fieldError(ID.note)}
          rows={3}
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={recordContact.isPending}>
            {t('caseClosure.contact.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function CaseMonitoring({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const monitoring = useMonitoring(kase.id);
  return (
    <>
      <Heading level={3} id="case-monitoring-title">
        {t('caseClosure.monitoring.title')}
      </Heading>
      {monitoring.isPending ? <Loading /> : null}
      {monitoring.isError ? (
        <QueryFailure error={monitoring.error} onRetry={() => void monitoring.refetch()} />
      ) : null}
      {monitoring.data ? (
        <>
          <Paragraph>
            {t('caseClosure.monitoring.intro', { months: monitoring.data.intervalsMonths.join(', ') })}
          </Paragraph>
          {monitoring.data.moments.length === 0 ? (
            <Paragraph>{t('caseClosure.monitoring.none')}</Paragraph>
          ) : (
            <MomentsTable moments={monitoring.data.moments} />
          )}
          {monitoring.data.inMonitoring ? (
            <ContactForm caseId={kase.id} moments={monitoring.data.moments} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** Monitoring, closure and reopening on the case page. */
export function CaseClosure({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section className="kring-section" aria-labelledby="case-closure-title">
      <Heading level={2} id="case-closure-title">
        {t('caseClosure.title')}
      </Heading>
      <CaseMonitoring kase={kase} />
      <CaseClosureForms kase={kase} />
      <CaseClosureHistory kase={kase} />
    </section>
  );
}
