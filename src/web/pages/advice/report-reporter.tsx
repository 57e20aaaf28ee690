import { useTranslation } from 'react-i18next';
import type { ReportDetailWithReporter } from '../../api/advice-api.ts';
import type { ReportDetail } from '../../api/types.ts';
import { DataList, type DataListItem } from '../../components/data-list.tsx';
import { Heading } from '../../components/heading.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { adviceLabel } from './labels.ts';

const withReporter = (report: ReportDetail) => report as unknown as ReportDetailWithReporter;

/** "Gemeld door": the organisation, or a resident through the public page. */
export function ReportCreatedBy({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return <>{withReporter(report).createdByOrganisation ?? t('advice.reporter.resident')}</>;
}

/** Who made the report; Veilig Thuis also sees a resident's name and contact. */
export function ReportReporter({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const reporter = withReporter(report).reporter;
  if (!reporter) return null;
  const items: DataListItem[] = [
    { key: 'kind', label: t('advice.reporter.kind'), value: adviceLabel(t, 'reporterKind', reporter.kind) },
  ];
  if (reporter.identity !== null)
    items.push({
      key: 'identity',
      label: t('advice.reporter.identity'),
      value: <span className="kring-prewrap">{reporter.identity}</span>,
    });
  return (
    <section className="kring-section" aria-labelledby="report-reporter-title">
      <Heading level={2} id="report-reporter-title">
        {t('advice.reporter.title')}
      </Heading>
      {reporter.anonymousToHousehold ? (
        <p className="utrecht-paragraph">
          <StatusBadge variant="warning">{t('advice.reporter.anonymousToHousehold')}</StatusBadge>
        </p>
      ) : null}
      <DataList items={items} />
    </section>
  );
}
