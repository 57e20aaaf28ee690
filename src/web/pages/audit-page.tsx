import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import type { AuditQuery } from '../api/types.ts';
import { Button, ButtonGroup } from '../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { TextField } from '../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { Loading, QueryFailure, StatusText } from '../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../components/table.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { amsterdamLocalToIso } from '../lib/amsterdam-time.ts';
import { formatDateTime } from '../lib/format.ts';
import { usePageTitle } from '../lib/use-page-title.ts';
import { AuditVerification } from './audit-verification.tsx';

const FIELDS = ['action', 'recordType', 'recordId', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (field: Field) => `audit-${field}`;
type Draft = Record<Field, string>;
const EMPTY: Draft = { action: '', recordType: '', recordId: '', from: '', to: '' };

/** The privacy officer searches the audit trail; each search is itself audited by the server. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('audit.title'));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [search, setSearch] = useState<AuditQuery | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const events = useQuery({
    queryKey: queryKeys.auditEvents(search ?? {}),
    queryFn: () => api.auditEvents(search ?? {}),
    enabled: search !== null,
    staleTime: 0,
  });

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const from = draft.from ? amsterdamLocalToIso(draft.from) : undefined;
    const to = draft.to ? amsterdamLocalToIso(draft.to) : undefined;
    if (from === null) found.from = t('audit.errors.dateTime');
    if (to === null) found.to = t('audit.errors.dateTime');
    if (from && to && new Date(from) >= new Date(to)) found.to = t('audit.errors.range');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const next: AuditQuery = { limit: 200 };
    if (draft.action.trim()) next.action = draft.action.trim();
    if (draft.recordType.trim()) next.recordType = draft.recordType.trim();
    if (draft.recordId.trim()) next.recordId = draft.recordId.trim();
    if (from) next.from = from;
    if (to) next.to = to;
    setSearch(next);
    if (search && JSON.stringify(search) === JSON.stringify(next)) void events.refetch();
  }

  const summary: SummaryItem[] = FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: fieldId(field), message: `${t(`audit.fields.${field}`)}: ${message}` }] : [];
  });

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditVerification />
      <section className="kring-section kring-panel">
        <Heading level={2} id="audit-search-title">
          {t('audit.searchTitle')}
        </Heading>
        <ErrorSummary items={summary} />
        <form noValidate onSubmit={submit} className="kring-form kring-grid-form">
          <TextField
            id={fieldId('action')}
            label={t('audit.fields.action')}
            description={t('audit.actionHelp')}
            required={false}
            error={errors.action}
            type="text"
            maxLength={100}
            value={draft.action}
            onChange={set('action')}
          />
          <TextField
            id={fieldId('recordType')}
            label={t('audit.fields.recordType')}
            description={t('audit.recordTypeHelp')}
            required={false}
            type="text"
            maxLength={50}
            value={draft.recordType}
            onChange={set('recordType')}
          />
          <TextField
            id={fieldId('recordId')}
            label={t('audit.fields.recordId')}
            required={false}
            type="text"
            maxLength={100}
            value={draft.recordId}
            onChange={set('recordId')}
          />
          <TextField
            id={fieldId('from')}
            label={t('audit.fields.from')}
            description={t('audit.timeHelp')}
            required={false}
            error={errors.from}
            type="datetime-local"
            value={draft.from}
            onChange={set('from')}
          />
          <TextField
            id={fieldId('to')}
            label={t('audit.fields.to')}
            description={t('audit.timeHelp')}
            required={false}
            error={errors.to}
            type="datetime-local"
            value={draft.to}
            onChange={set('to')}
          />
          <ButtonGroup>
            <Button type="submit" busy={events.isFetching}>
              {t('audit.search')}
            </Button>
            <Button
              type="button"
              appearance="subtle"
              onClick={() => {
                setDraft(EMPTY);
                setErrors({});
              }}
            >
              {t('audit.clear')}
            </Button>
          </ButtonGroup>
        </form>
      </section>

      {search !== null ? (
        <section className="kring-section">
          <Heading level={2} id="audit-results-title">
            {t('audit.resultsTitle')}
          </Heading>
          {events.isPending ? <Loading /> : null}
          {events.isError ? (
            <QueryFailure error={events.error} onRetry={() => void events.refetch()} />
          ) : null}
          {events.data ? (
            <StatusText>{t('audit.resultCount', { count: events.data.length })}</StatusText>
          ) : null}
          {events.data && events.data.length > 0 ? (
            <Table caption={t('audit.resultsCaption')} captionHidden>
              <TableHead
                columns={[
                  t('audit.columns.position'),
                  t('audit.columns.occurredAt'),
                  t('audit.columns.actor'),
                  t('audit.columns.organisation'),
                  t('audit.columns.action'),
                  t('audit.columns.record'),
                  t('audit.columns.purpose'),
                  t('audit.columns.outcome'),
                ]}
              />
              <TableBody>
                {events.data.map((e) => (
                  <Row key={e.position}>
                    <RowHeader>{e.position}</RowHeader>
                    <Cell>{formatDateTime(e.occurredAt, language)}</Cell>
                    <Cell>{e.actorUsername ?? t('common.none')}</Cell>
                    <Cell>{e.actorOrganisation ?? t('common.none')}</Cell>
                    <Cell>
                      <code className="utrecht-code">{e.action}</code>
                    </Cell>
                    <Cell>
                      {e.recordType ? (
                        <>
                          {e.recordType}
                          {e.recordId ? (
                            <>
                              <br />
                              <code className="utrecht-code kring-break-all">{e.recordId}</code>
                            </>
                          ) : null}
                        </>
                      ) : (
                        t('common.none')
                      )}
                    </Cell>
                    <Cell>{e.purpose ?? t('common.none')}</Cell>
                    <Cell>{codeLabel(t, 'outcome', e.outcome)}</Cell>
                  </Row>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
