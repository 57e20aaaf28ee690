import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isFinished,
  REPORT_FORMATS,
  REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
  type ReportRun,
  reportFileUrl,
  useReportRun,
  useReportRuns,
  useRequestReport,
} from '../../api/insight-reports-api.ts';
import { useRegion } from '../../api/queries.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { ServerLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { serverErrors } from '../../lib/field-errors.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

const ID = {
  kind: 'report-kind',
  year: 'report-year',
  quarter: 'report-quarter',
  from: 'report-from',
  to: 'report-to',
  municipality: 'report-municipality',
  format: 'report-format',
  progress: 'report-progress',
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar quarter or year as inclusive ISO dates. */
function quarterDates(year: number, quarter: number) {
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(lastMonth - 2)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

function RunProgress({ run }: { run: ReportRun }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="kring-section" aria-labelledby="report-current-title">
      <Heading level={2} id="report-current-title">
        {t('insightReports.currentTitle')}
      </Heading>
      <div className="kring-field">
        <label className="utrecht-form-label" htmlFor={ID.progress}>
          {t('insightReports.progressLabel')}
        </label>
        <div>
          <progress id={ID.progress} max={100} value={run.progress}>
            {t('insightReports.progressText', { progress: run.progress })}
          </progress>
        </div>
        <p className="utrecht-paragraph">
          <output htmlFor={ID.progress}>
            {t(`insightReports.status.${run.status}`)} —{' '}
            {t('insightReports.progressText', { progress: run.progress })}
          </output>
        </p>
      </div>
      {run.status === 'done' && run.fileName ? (
        <Paragraph>
          <ServerLink href={reportFileUrl(run.id)} download={run.fileName}>
            {t('insightReports.download', { fileName: run.fileName })}
          </ServerLink>
        </Paragraph>
      ) : null}
      {run.status === 'failed' && run.failure ? (
        <Alert type="error" live="alert">
          <Paragraph>{run.failure[language]}</Paragraph>
        </Alert>
      ) : null}
    </section>
  );
}

function RecentRuns() {
  const { t } = useTranslation();
  const language = useLanguage();
  const runs = useReportRuns();
  const dateTime = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <section className="kring-section" aria-labelledby="report-recent-title">
      <Heading level={2} id="report-recent-title">
        {t('insightReports.recentTitle')}
      </Heading>
      {runs.isPending ? <Loading /> : null}
      {runs.isError ? <QueryFailure error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      {runs.data && runs.data.length === 0 ? <Paragraph>{t('insightReports.empty')}</Paragraph> : null}
      {runs.data && runs.data.length > 0 ? (
        <Table caption={t('insightReports.recentCaption')}>
          <TableHead
            columns={[
              t('insightReports.requested'),
              t('insightReports.kind'),
              t('insightReports.period'),
              t('insightReports.state'),
              t('insightReports.file'),
            ]}
          />
          <TableBody>
            {runs.data.map((run) => (
              <Row key={run.id}>
                <RowHeader>{dateTime.format(new Date(run.createdAt))}</RowHeader>
                <Cell>{t(`insightReports.kinds.${run.kind}`)}</Cell>
                <Cell>
                  {run.from} – {run.to}
                </Cell>
                <Cell>
                  {t(`insightReports.status.${run.status}`)}
                  {isFinished(run) ? '' : ` (${run.progress}%)`}
                </Cell>
                <Cell>
                  {run.status === 'done' && run.fileName ? (
                    <ServerLink href={reportFileUrl(run.id)} download={run.fileName}>
                      {run.fileName}
                    </ServerLink>
                  ) : null}
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}

/** Choose a report, period, municipality and format; follow its progress and download it. */
export function ReportsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('insightReports.title'));
  const now = new Date();
  const thisYear = now.getFullYear();
  const [kind, setKind] = useState<ReportKind>('quarterly');
  // A quarterly report is about a whole quarter: the default is the last one that has ended.
  const lastEnded = Math.floor(now.getMonth() / 3) || 4;
  const [year, setYear] = useState(lastEnded === 4 ? thisYear - 1 : thisYear);
  const [quarter, setQuarter] = useState(lastEnded);
  const [from, setFrom] = useState(`${thisYear - 1}-01-01`);
  const [to, setTo] = useState(`${thisYear - 1}-12-31`);
  const [municipality, setMunicipality] = useState('');
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const [runId, setRunId] = useState<string | null>(null);
  const region = useRegion();
  const requestReport = useRequestReport();
  const run = useReportRun(runId);

  const server = serverErrors(
    requestReport.error,
    language,
    (path) => {
      if (path.startsWith('from'))
        return kind === 'baseline'
          ? { id: ID.from, label: t('insightReports.from') }
          : { id: ID.year, label: t('insightReports.year') };
      if (path.startsWith('to'))
        return kind === 'baseline'
          ? { id: ID.to, label: t('insightReports.to') }
          : { id: ID.year, label: t('insightReports.year') };
      if (path.startsWith('municipality'))
        return { id: ID.municipality, label: t('insightReports.municipality') };
      if (path.startsWith('format')) return { id: ID.format, label: t('insightReports.format') };
      if (path.startsWith('kind')) return { id: ID.kind, label: t('insightReports.kind') };
      return null;
    },
    { fieldInvalid: t('common.fieldInvalid'), unknownError: t('common.unknownError') },
  );
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) =>
    clientErrors.find((e) => e.fieldId === id)?.message ??
    (clientErrors.length > 0 ? undefined : server.fields[id]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (requestReport.isPending) return;
    const period =
      kind === 'quarterly'
        ? quarterDates(year, quarter)
        : kind === 'yearly'
          ? { from: `${year}-01-01`, to: `${year}-12-31` }
          : { from, to };
    if (!period.from || !period.to) {
      setClientErrors([{ fieldId: ID.from, message: t('insightReports.errors.period') }]);
      return;
    }
    setClientErrors([]);
    requestReport.mutate(
      {
        kind,
        ...period,
        ...(municipality ? { municipalityCode: municipality } : {}),
        format,
        language,
      },
      { onSuccess: (created) => setRunId(created.id) },
    );
  }

  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  return (
    <>
      <PageHeading>{t('insightReports.title')}</PageHeading>
      <Paragraph>{t('insightReports.intro')}</Paragraph>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form">
        <SelectField
          id={ID.kind}
          label={t('insightReports.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as ReportKind)}
          options={REPORT_KINDS.map((value) => ({ value, label: t(`insightReports.kinds.${value}`) }))}
        />
        {kind === 'baseline' ? (
          <>
            <TextField
              id={ID.from}
              type="date"
              label={t('insightReports.from')}
              error={fieldError(ID.from)}
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            />
            <TextField
              id={ID.to}
              type="date"
              label={t('insightReports.to')}
              error={fieldError(ID.to)}
              value={to}
              onChange={(event) => setTo(event.target.value)}
            />
          </>
        ) : (
          <SelectField
            id={ID.year}
            label={t('insightReports.year')}
            error={fieldError(ID.year)}
            value={String(year)}
            onChange={(event) => setYear(Number(event.target.value))}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        )}
        {kind === 'quarterly' ? (
          <SelectField
            id={ID.quarter}
            label={t('insightReports.quarter')}
            value={String(quarter)}
            onChange={(event) => setQuarter(Number(event.target.value))}
            options={[1, 2, 3, 4].map((q) => ({
              value: String(q),
              label: t('insightReports.quarterOption', { quarter: q }),
            }))}
          />
        ) : null}
        <SelectField
          id={ID.municipality}
          label={t('insightReports.municipality')}
          error={fieldError(ID.municipality)}
          required={false}
          value={municipality}
          onChange={(event) => setMunicipality(event.target.value)}
          placeholder={t('insightReports.wholeRegion')}
          options={(region.data?.municipalities ?? []).map((m) => ({ value: m.cbsCode, label: m.name }))}
        />
        <SelectField
          id={ID.format}
          label={t('insightReports.format')}
          value={format}
          onChange={(event) => setFormat(event.target.value as ReportFormat)}
          options={REPORT_FORMATS.map((value) => ({ value, label: t(`insightReports.formats.${value}`) }))}
        />
        <ButtonGroup>
          <Button type="submit" busy={requestReport.isPending}>
            {t('insightReports.submit')}
          </Button>
        </ButtonGroup>
      </form>
      {run.data ? <RunProgress run={run.data} /> : null}
      <RecentRuns />
    </>
  );
}
