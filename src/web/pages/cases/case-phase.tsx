import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, caseKeys, casesApi, type SafetyPhase } from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { ServerLink } from '../../components/link.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';

const ID = { to: 'phase-to', reason: 'phase-reason' } as const;

/**
 * The phase of Gefaseerd samenwerken aan veiligheid, its history, and the move to another phase.
 * Closing and reopening are done in the closure section, which asks for a reason and makes a letter.
 */
export function CasePhase({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [to, setTo] = useState<SafetyPhase | ''>('');
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const change = useMutation({
    mutationFn: (input: { to: SafetyPhase; reason: string }) => casesApi.changePhase(kase.id, input),
    onSuccess: async () => {
      setTo('');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('to')) return { id: ID.to, label: t('cases.phase.to') };
    if (path.startsWith('reason')) return { id: ID.reason, label: t('cases.phase.reason') };
    return null;
  };
  const server = serverErrors(change.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  // Closing and reopening have their own reasoned forms (case-closure.tsx): a letter, a reason code.
  const targets = kase.phase === 'closed' ? [] : kase.phaseTargets.filter((p) => p !== 'closed');
  const fieldError = (fieldId: string) =>
    clientErrors.find((e) => e.fieldId === fieldId)?.message ?? server.fields[fieldId];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (change.isPending) return;
    const problems: SummaryItem[] = [];
    if (!to) problems.push({ fieldId: ID.to, message: t('cases.phase.errors.to') });
    if (!reason.trim()) problems.push({ fieldId: ID.reason, message: t('cases.phase.errors.reason') });
    setClientErrors(problems);
    if (problems.length > 0 || !to) return;
    change.mutate({ to, reason: reason.trim() });
  }

  return (
    <section className="kring-section" aria-labelledby="case-phase-title">
      <Heading level={2} id="case-phase-title">
        {t('cases.phase.title')}
      </Heading>
      <Paragraph>
        {t('cases.phase.current')} <strong>{t(`cases.phases.${kase.phase}`)}</strong>
      </Paragraph>
      <Table caption={t('cases.phase.historyCaption')}>
        <TableHead
          columns={[
            t('cases.phase.at'),
            t('cases.phase.from'),
            t('cases.phase.to'),
            t('cases.phase.by'),
            t('cases.phase.reason'),
          ]}
        />
        <TableBody>
          {kase.phaseHistory.map((p) => (
            <Row key={`${p.at}-${p.to}`}>
              <RowHeader>{formatDateTime(p.at, language)}</RowHeader>
              <Cell>{p.from ? t(`cases.phases.${p.from}`) : t('common.none')}</Cell>
              <Cell>{t(`cases.phases.${p.to}`)}</Cell>
              <Cell>{p.by}</Cell>
              <Cell>{p.reason}</Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
      {kase.phaseTargets.includes('closed') || kase.phase === 'closed' ? (
        <Paragraph>
          {t(kase.phase === 'closed' ? 'caseClosure.phaseHint.reopen' : 'caseClosure.phaseHint.close')}{' '}
          <ServerLink href="#case-closure-title">{t('caseClosure.title')}</ServerLink>
        </Paragraph>
      ) : null}
      {targets.length === 0 ? null : (
        <div className="kring-panel">
          <Heading level={3} id="phase-form-title">
            {t('cases.phase.formTitle')}
          </Heading>
          {change.isSuccess ? (
            <Alert type="ok" live="status">
              <Paragraph>
                {t('cases.phase.changed', { phase: t(`cases.phases.${change.data.phase}`) })}
              </Paragraph>
            </Alert>
          ) : null}
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="phase-form-title">
            <SelectField
              id={ID.to}
              label={t('cases.phase.to')}
              description={t('cases.phase.toHelp')}
              error={fieldError(ID.to)}
              value={to}
              placeholder={t('cases.phase.choose')}
              onChange={(event) => setTo(event.target.value as SafetyPhase | '')}
              options={targets.map((p) => ({ value: p, label: t(`cases.phases.${p}`) }))}
            />
            <TextareaField
              id={ID.reason}
              label={t('cases.phase.reason')}
              error={fieldError(ID.reason)}
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <ButtonGroup>
              <Button type="submit" busy={change.isPending}>
                {t('cases.phase.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </div>
      )}
    </section>
  );
}
