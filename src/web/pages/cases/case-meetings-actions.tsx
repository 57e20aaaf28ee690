import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActionStatus,
  type ClosingStatus,
  caseMeetingKeys,
  caseMeetingsApi,
  type PlanAction,
} from '../../api/case-meetings-api.ts';
import { type CaseDetail, caseKeys } from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { firstChoiceId, RadioGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { type BadgeVariant, StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';

const CLOSING: ClosingStatus[] = ['done', 'not_done'];
const ID = { action: 'plan-action', status: 'plan-action-status', note: 'plan-action-note' } as const;
const BADGE: Record<ActionStatus, BadgeVariant> = { open: 'warning', done: 'success', not_done: 'danger' };

/** The plan's actions from every source, and closing one as done or not done (owner or coordinator). */
export function CasePlanActions({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const actions = useQuery({
    queryKey: caseMeetingKeys.actions(kase.id),
    queryFn: () => caseMeetingsApi.actions(kase.id),
  });
  const sourceLabel = (a: PlanAction) =>
    a.source.type === 'meeting' && a.source.meetingKind
      ? t('caseMeetings.actions.fromMeeting', {
          kind: t(`caseMeetings.kinds.${a.source.meetingKind}`),
          date: formatDateTime(a.source.at, language),
        })
      : t('caseMeetings.actions.fromAssessment', { date: formatDateTime(a.source.at, language) });
  const list = actions.data?.actions ?? [];
  return (
    <section className="kring-section" aria-labelledby="case-plan-actions-title">
      <Heading level={2} id="case-plan-actions-title">
        {t('caseMeetings.actions.title')}
      </Heading>
      <Paragraph>{t('caseMeetings.actions.intro')}</Paragraph>
      {actions.isPending ? <Loading /> : null}
      {actions.isError ? <QueryFailure error={actions.error} onRetry={() => void actions.refetch()} /> : null}
      {actions.data && list.length === 0 ? <Paragraph>{t('caseMeetings.actions.none')}</Paragraph> : null}
      {actions.data && actions.data.withheld > 0 ? (
        <Paragraph>{t('caseMeetings.actions.withheld', { number: actions.data.withheld })}</Paragraph>
      ) : null}
      {list.length > 0 ? (
        <Table caption={t('caseMeetings.actions.caption')}>
          <TableHead
            columns={[
              t('caseMeetings.what'),
              t('caseMeetings.who'),
              t('caseMeetings.dueOn'),
              t('caseMeetings.monitoring'),
              t('caseMeetings.actions.source'),
              t('caseMeetings.status'),
            ]}
          />
          <TableBody>
            {list.map((a) => (
              <Row key={a.id}>
                <RowHeader>{a.description}</RowHeader>
                <Cell>{a.owner}</Cell>
                <Cell>{formatCalendarDate(a.dueOn, language)}</Cell>
                <Cell>{a.monitoring ?? t('common.none')}</Cell>
                <Cell>{sourceLabel(a)}</Cell>
                <Cell>
                  <StatusBadge variant={BADGE[a.status]}>
                    {t(`caseMeetings.statuses.${a.status}`)}
                  </StatusBadge>
                  {a.statusNote && a.statusChangedAt ? (
                    <span className="kring-prewrap">
                      {' '}
                      {t('caseMeetings.actions.closedLine', {
                        name: a.statusChangedBy ?? '',
                        date: formatDateTime(a.statusChangedAt, language),
                        note: a.statusNote,
                      })}
                    </span>
                  ) : null}
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {list.some((a) => a.canUpdate) ? <ActionStatusForm kase={kase} actions={list} /> : null}
    </section>
  );
}

function ActionStatusForm({ kase, actions }: { kase: CaseDetail; actions: PlanAction[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [actionId, setActionId] = useState('');
  const [status, setStatus] = useState<ClosingStatus | null>(null);
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const statusChoices = CLOSING.map((s) => ({ value: s, label: t(`caseMeetings.statuses.${s}`) }));
  const close = useMutation({
    mutationFn: (input: { actionId: string; status: ClosingStatus; note: string }) =>
      caseMeetingsApi.closeAction(kase.id, input.actionId, { status: input.status, note: input.note }),
    onSuccess: async () => {
      setActionId('');
      setStatus(null);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('status'))
      return { id: firstChoiceId(ID.status, statusChoices), label: t('caseMeetings.actions.newStatus') };
    if (path.startsWith('note')) return { id: ID.note, label: t('caseMeetings.actions.note') };
    if (path.startsWith('actionId')) return { id: ID.action, label: t('caseMeetings.actions.action') };
    return null;
  };
  const server = serverErrors(close.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (fieldId: string) =>
    clientErrors.find((e) => e.fieldId === fieldId)?.message ?? server.fields[fieldId];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (close.isPending) return;
    const problems: SummaryItem[] = [];
    if (!actionId) problems.push({ fieldId: ID.action, message: t('caseMeetings.actions.errors.action') });
    if (!status)
      problems.push({
        fieldId: firstChoiceId(ID.status, statusChoices),
        message: t('caseMeetings.actions.errors.status'),
      });
    if (!note.trim()) problems.push({ fieldId: ID.note, message: t('caseMeetings.actions.errors.note') });
    setClientErrors(problems);
    if (problems.length > 0 || !status) return;
    close.mutate({ actionId, status, note: note.trim() });
  }

  return (
    <div className="kring-panel">
      <Heading level={3} id="plan-action-form-title">
        {t('caseMeetings.actions.formTitle')}
      </Heading>
      <Paragraph>{t('caseMeetings.actions.formHelp')}</Paragraph>
      {close.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseMeetings.actions.saved')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="plan-action-form-title">
        <SelectField
          id={ID.action}
          label={t('caseMeetings.actions.action')}
          placeholder={t('caseMeetings.actions.chooseAction')}
          error={fieldError(ID.action)}
          value={actionId}
          onChange={(event) => setActionId(event.target.value)}
          options={actions
            .filter((a) => a.canUpdate)
            .map((a) => ({
              value: a.id,
              label: `${a.description} — ${a.owner}, ${formatCalendarDate(a.dueOn, language)}`,
            }))}
        />
        <RadioGroup
          id={ID.status}
          legend={t('caseMeetings.actions.newStatus')}
          error={fieldError(firstChoiceId(ID.status, statusChoices))}
          choices={statusChoices}
          value={status}
          onChange={setStatus}
        />
        <TextField
          id={ID.note}
          label={t('caseMeetings.actions.note')}
          maxLength={500}
          error={fieldError(ID.note)}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={close.isPending}>
            {t('caseMeetings.actions.save')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
