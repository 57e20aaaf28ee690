import { useTranslation } from 'react-i18next';
import type { ReportSummary } from '../api/types.ts';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../paths.ts';
import { AppLink } from './link.tsx';
import { StatusBadge } from './status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from './table.tsx';

/** The deadline of the safety assessment: "Direct (acuut)" or a date, with "Te laat" when overdue. */
export function AssessmentDeadline({
  report,
}: {
  report: Pick<ReportSummary, 'immediate' | 'assessmentDueAt' | 'overdue'>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span className="kring-deadline">
      <span>
        {report.immediate ? t('report.immediate') : formatDateTime(report.assessmentDueAt, language)}
      </span>
      {report.overdue ? <StatusBadge variant="danger">{t('report.overdue')}</StatusBadge> : null}
    </span>
  );
}

export function ReportTable({
  caption,
  reports,
  showPersonCount = false,
}: {
  caption: string;
  reports: ReportSummary[];
  showPersonCount?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = [
    t('report.reference'),
    t('report.municipality'),
    t('report.violenceKinds'),
    t('report.receivedAt'),
    t('report.assessmentDue'),
    t('report.status'),
    ...(showPersonCount ? [t('report.personCount')] : []),
  ];
  return (
    <Table caption={caption}>
      <TableHead columns={columns} />
      <TableBody>
        {reports.map((report) => (
          <Row key={report.id}>
            <RowHeader>
              <AppLink to={paths.report(report.id)}>{report.reference}</AppLink>
            </RowHeader>
            <Cell>{report.municipalityName}</Cell>
            <Cell>{report.violenceKinds.map((kind) => codeLabel(t, 'violenceKind', kind)).join(', ')}</Cell>
            <Cell>{formatDateTime(report.receivedAt, language)}</Cell>
            <Cell>
              <AssessmentDeadline report={report} />
            </Cell>
            <Cell>{codeLabel(t, 'status', report.status)}</Cell>
            {showPersonCount ? <Cell>{report.personCount}</Cell> : null}
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}
