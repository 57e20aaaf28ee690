import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FIGURE_KINDS,
  type FigureFormat,
  type FigureKind,
  type FiguresImportResult,
  type FiguresOverview,
  POLICE_MEASURES,
  useFiguresOverview,
  useImportFigures,
} from '../../api/insight-figures-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { FileField, SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { serverErrors } from '../../lib/field-errors.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

const MAX_BYTES = 3_000_000;
const ID = {
  kind: 'figures-kind',
  source: 'figures-source',
  sourceDate: 'figures-source-date',
  file: 'figures-file',
  paste: 'figures-paste',
  format: 'figures-format',
} as const;

function guessFormat(name: string | null, content: string): FigureFormat {
  if (name?.toLowerCase().endsWith('.json')) return 'json';
  if (name?.toLowerCase().endsWith('.csv')) return 'csv';
  return content.trimStart().startsWith('[') ? 'json' : 'csv';
}

function ImportOutcome({ result }: { result: FiguresImportResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  // A new answer moves focus to its summary, so it is read out and the problem table follows.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  if (result.outcome === 'imported')
    return (
      <Alert type="ok" live="status" ref={ref}>
        <Paragraph>
          {t('insightFigures.imported', {
            figures: result.figures,
            municipalities: result.municipalities,
            from: result.years.from,
            to: result.years.to,
            replaced: result.replaced,
          })}
        </Paragraph>
      </Alert>
    );
  return (
    <>
      <Alert type="error" live="alert" ref={ref}>
        <Paragraph>{t('insightFigures.rejected', { count: result.problems.length })}</Paragraph>
      </Alert>
      <Table caption={t('insightFigures.problemsCaption')}>
        <TableHead
          columns={[t('insightFigures.line'), t('insightFigures.column'), t('insightFigures.reason')]}
        />
        <TableBody>
          {result.problems.map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list comes whole from the server and is never reordered
            <Row key={index}>
              <RowHeader>{problem.line ?? t('insightFigures.wholeFile')}</RowHeader>
              <Cell>{problem.column ? <code className="utrecht-code">{problem.column}</code> : null}</Cell>
              <Cell>{problem.message[language]}</Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** "+17,1%" / "+17.1%"; the dash when there is no percentage. */
function useChangeText() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return (change: number | null) =>
    change === null ? t('insightFigures.noChange') : `${format.format(change)}%`;
}

function MeasureTable({ overview, measure }: { overview: FiguresOverview; measure: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changeText = useChangeText();
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB');
  const series = overview.series.filter((s) => s.measure === measure);
  const totals = overview.totals.find((x) => x.measure === measure)?.points ?? [];
  if (series.length === 0) return null;
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const columns = [
    t('insightFigures.municipality'),
    ...years.flatMap((year, i) =>
      i === 0 ? [String(year)] : [String(year), t('insightFigures.change', { year })],
    ),
  ];
  const cells = (points: { year: number; value: number; change: number | null }[]) =>
    years.flatMap((year, i) => {
      const point = points.find((p) => p.year === year);
      const value = <Cell key={`v${year}`}>{point ? number.format(point.value) : ''}</Cell>;
      if (i === 0) return [value];
      return [value, <Cell key={`c${year}`}>{point ? changeText(point.change) : ''}</Cell>];
    });
  const sources = [...new Set(series.flatMap((s) => s.points.map((p) => p.sourceText)))];
  return (
    <>
      <Table caption={t(`insightFigures.measures.${measure}`)}>
        <TableHead columns={columns} />
        <TableBody>
          {series.map((s) => (
            <Row key={s.municipalityCode}>
              <RowHeader>{s.municipalityName}</RowHeader>
              {cells(s.points)}
            </Row>
          ))}
          <Row>
            <RowHeader>{t('insightFigures.total')}</RowHeader>
            {cells(
              totals.map((p) => ({ year: p.year, value: p.value, change: p.complete ? p.change : null })),
            )}
          </Row>
        </TableBody>
      </Table>
      <Paragraph>{t('insightFigures.sourceLine', { sources: sources.join('; ') })}</Paragraph>
    </>
  );
}

function PoliceFigures() {
  const { t } = useTranslation();
  const overview = useFiguresOverview('police');
  return (
    <section className="kring-section" aria-labelledby="figures-table-title">
      <Heading level={2} id="figures-table-title">
        {t('insightFigures.tableTitle')}
      </Heading>
      <Paragraph>{t('insightFigures.tableIntro')}</Paragraph>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? (
        <QueryFailure error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {overview.data && overview.data.series.length === 0 ? (
        <Paragraph>{t('insightFigures.empty')}</Paragraph>
      ) : null}
      {overview.data && overview.data.series.length > 0 ? (
        <>
          {POLICE_MEASURES.map((measure) => (
            <MeasureTable key={measure} overview={overview.data} measure={measure} />
          ))}
          <Paragraph>{t('insightFigures.changeNote')}</Paragraph>
        </>
      ) : null}
    </section>
  );
}

/** Import police or population figures (file or pasted), see the rejection report, and the police table. */
export function FiguresImportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('insightFigures.title'));
  const [kind, setKind] = useState<FigureKind>('police');
  const [source, setSource] = useState('');
  const [sourceDate, setSourceDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [format, setFormat] = useState<FigureFormat>('csv');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const [reading, setReading] = useState(false);
  const importFigures = useImportFigures();

  const server = serverErrors(
    importFigures.error,
    language,
    (path) => {
      if (path.startsWith('source') && !path.startsWith('sourceDate'))
        return { id: ID.source, label: t('insightFigures.source') };
      if (path.startsWith('sourceDate')) return { id: ID.sourceDate, label: t('insightFigures.sourceDate') };
      if (path.startsWith('content')) return { id: ID.file, label: t('insightFigures.file') };
      if (path.startsWith('kind')) return { id: ID.kind, label: t('insightFigures.kind') };
      if (path.startsWith('format')) return { id: ID.format, label: t('insightFigures.format') };
      return null;
    },
    { fieldInvalid: t('common.fieldInvalid'), unknownError: t('common.unknownError') },
  );
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) =>
    clientErrors.find((e) => e.fieldId === id)?.message ??
    (clientErrors.length > 0 ? undefined : server.fields[id]);

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    if (chosen) setFormat(guessFormat(chosen.name, ''));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reading || importFigures.isPending) return;
    const problems: SummaryItem[] = [];
    if (!source.trim()) problems.push({ fieldId: ID.source, message: t('insightFigures.errors.noSource') });
    if (!sourceDate)
      problems.push({ fieldId: ID.sourceDate, message: t('insightFigures.errors.noSourceDate') });
    let content = pasted;
    if (file) {
      if (file.size > MAX_BYTES)
        problems.push({ fieldId: ID.file, message: t('insightFigures.errors.tooLarge') });
      else {
        setReading(true);
        try {
          content = await file.text();
        } catch {
          problems.push({ fieldId: ID.file, message: t('insightFigures.errors.unreadable') });
        } finally {
          setReading(false);
        }
      }
    }
    if (!content.trim() && !problems.some((p) => p.fieldId === ID.file))
      problems.push({ fieldId: ID.file, message: t('insightFigures.errors.noContent') });
    setClientErrors(problems);
    if (problems.length > 0) return;
    importFigures.mutate({
      kind,
      format: file ? format : guessFormat(null, content),
      content,
      source: source.trim(),
      sourceDate,
    });
  }

  return (
    <>
      <PageHeading>{t('insightFigures.title')}</PageHeading>
      <Paragraph>{t('insightFigures.intro')}</Paragraph>
      <section className="kring-section" aria-labelledby="figures-format-title">
        <Heading level={2} id="figures-format-title">
          {t('insightFigures.formatTitle')}
        </Heading>
        <Paragraph>{t('insightFigures.formatPolice')}</Paragraph>
        <Paragraph>{t('insightFigures.formatPopulation')}</Paragraph>
        <Paragraph>{t('insightFigures.formatCommon')}</Paragraph>
      </section>

      <ErrorSummary items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)} className="kring-form">
        <SelectField
          id={ID.kind}
          label={t('insightFigures.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as FigureKind)}
          options={FIGURE_KINDS.map((value) => ({ value, label: t(`insightFigures.kinds.${value}`) }))}
        />
        <TextField
          id={ID.source}
          label={t('insightFigures.source')}
          description={t('insightFigures.sourceDescription')}
          error={fieldError(ID.source)}
          maxLength={300}
          value={source}
          onChange={(event) => setSource(event.target.value)}
        />
        <TextField
          id={ID.sourceDate}
          type="date"
          label={t('insightFigures.sourceDate')}
          error={fieldError(ID.sourceDate)}
          value={sourceDate}
          onChange={(event) => setSourceDate(event.target.value)}
        />
        <FileField
          id={ID.file}
          label={t('insightFigures.file')}
          description={t('insightFigures.fileDescription')}
          error={fieldError(ID.file)}
          required={false}
          accept=".csv,.json,text/csv,application/json"
          onChange={chooseFile}
        />
        {file ? (
          <SelectField
            id={ID.format}
            label={t('insightFigures.format')}
            value={format}
            onChange={(event) => setFormat(event.target.value as FigureFormat)}
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
          />
        ) : (
          <TextareaField
            id={ID.paste}
            label={t('insightFigures.paste')}
            required={false}
            rows={8}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
        )}
        <ButtonGroup>
          <Button type="submit" busy={reading || importFigures.isPending}>
            {t('insightFigures.submit')}
          </Button>
        </ButtonGroup>
      </form>

      {importFigures.isSuccess ? (
        <ImportOutcome key={importFigures.submittedAt} result={importFigures.data} />
      ) : null}
      <PoliceFigures />
    </>
  );
}
