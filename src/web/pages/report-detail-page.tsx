import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import type { ReportDetail } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { DataList } from '../components/data-list.tsx';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { AssessmentDeadline } from '../components/report-table.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../components/table.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { formatCalendarDate, formatDateTime } from '../lib/format.ts';
import { usePageTitle } from '../lib/use-page-title.ts';
import { access } from '../session/access.ts';
import { useCurrentSession } from '../session/current-session.tsx';
import { ReportCreatedBy, ReportReporter } from './advice/report-reporter.tsx';
import { ReportCaseSection } from './cases/report-case-section.tsx';
import { ReportInvestigation } from './letters/report-investigation.tsx';
import { ReportLetters } from './letters/report-letters.tsx';
import { ReportAssessment } from './report-assessment.tsx';
import { BreakGlassForm } from './report-break-glass-form.tsx';
import { ReportNoteForm } from './report-note-form.tsx';
import { ReportRadar } from './report-radar.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ReportView({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useCurrentSession();
  // Radar and assessment are Veilig Thuis work, for the organisation serving the report; emergency
  // access to another region's report does not extend to them (the server answers 404 there).
  const vtWork = access.queue(session) && report.access !== 'break_glass';
  return (
    <>
      {report.access === 'break_glass' ? (
        <Alert type="warning">
          <Paragraph>{t('reportDetail.breakGlassActive')}</Paragraph>
        </Alert>
      ) : null}
      <DataList
        items={[
          { key: 'reference', label: t('report.reference'), value: report.reference },
          { key: 'municipality', label: t('report.municipality'), value: report.municipalityName },
          {
            key: 'kinds',
            label: t('report.violenceKinds'),
            value: report.violenceKinds.map((kind) => codeLabel(t, 'violenceKind', kind)).join(', '),
          },
          { key: 'acute', label: t('report.acute'), value: report.acute ? t('common.yes') : t('common.no') },
          {
            key: 'received',
            label: t('report.receivedAt'),
            value: formatDateTime(report.receivedAt, language),
          },
          { key: 'due', label: t('report.assessmentDue'), value: <AssessmentDeadline report={report} /> },
          { key: 'status', label: t('report.status'), value: codeLabel(t, 'status', report.status) },
          { key: 'by', label: t('report.createdBy'), value: <ReportCreatedBy report={report} /> },
          { key: 'access', label: t('report.access'), value: codeLabel(t, 'access', report.access) },
        ]}
      />
      <ReportReporter report={report} />

      <section className="kring-section">
        <Heading level={2} id="report-description-title">
          {t('report.description')}
        </Heading>
        <p className="utrecht-paragraph kring-prewrap">{report.description}</p>
      </section>

      <section className="kring-section">
        <Heading level={2} id="report-persons-title">
          {t('report.persons')}
        </Heading>
        <Table caption={t('report.persons')} captionHidden>
          <TableHead
            columns={[
              t('report.personName'),
              t('report.dateOfBirth'),
              t('report.personRole'),
              t('report.bsn'),
            ]}
          />
          <TableBody>
            {report.persons.map((person, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: persons have no id and keep their order
              <Row key={index}>
                <RowHeader>{person.fullName}</RowHeader>
                <Cell>{formatCalendarDate(person.dateOfBirth, language)}</Cell>
                <Cell>{codeLabel(t, 'personRole', person.role)}</Cell>
                <Cell>{person.bsn ?? t('common.none')}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      </section>

      {vtWork ? <ReportRadar reportId={report.id} /> : null}

      <ReportAssessment reportId={report.id} assessment={report.assessment} canAssess={vtWork} />

      {vtWork ? <ReportInvestigation report={report} canConclude={vtWork} /> : null}
      {vtWork ? <ReportLetters reportId={report.id} /> : null}

      {access.clientWork(session) && report.access !== 'break_glass' ? (
        <ReportCaseSection reportId={report.id} />
      ) : null}

      <section className="kring-section">
        <Heading level={2} id="report-notes-title">
          {t('report.notes')}
        </Heading>
        {report.notes.length === 0 ? <Paragraph>{t('reportDetail.noNotes')}</Paragraph> : null}
        <ul className="kring-notes">
          {report.notes.map((note) => (
            <li key={note.id} className="kring-note">
              <p className="utrecht-paragraph kring-note__meta">
                <StatusBadge variant="neutral">{codeLabel(t, 'category', note.category)}</StatusBadge>{' '}
                <span>
                  {note.organisation} · {formatDateTime(note.createdAt, language)}
                </span>
              </p>
              <p className="utrecht-paragraph kring-prewrap">{note.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <ReportNoteForm reportId={report.id} />
    </>
  );
}

export function ReportDetailPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { id = '' } = useParams();
  const validId = UUID.test(id);
  const report = useQuery({
    queryKey: queryKeys.report(id),
    queryFn: () => api.report(id),
    enabled: validId,
  });
  const notFound = !validId || (report.error instanceof ApiError && report.error.status === 404);
  const title = report.data
    ? t('reportDetail.title', { reference: report.data.reference })
    : t('reportDetail.titleUnknown');
  usePageTitle(notFound ? t('reportDetail.notFoundTitle') : title);

  if (notFound) {
    return (
      <>
        <PageHeading>{t('reportDetail.notFoundTitle')}</PageHeading>
        <Alert type="info">
          <Paragraph>{t('reportDetail.notFound')}</Paragraph>
        </Alert>
        {validId && access.clientWork(session) ? <BreakGlassForm reportId={id} /> : null}
      </>
    );
  }
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <QueryFailure error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data ? <ReportView report={report.data} /> : null}
    </>
  );
}
