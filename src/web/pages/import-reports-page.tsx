import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FORMATS, type ImportFormat, PERSON_ROLES, VIOLENCE_KINDS } from '../api/codes.ts';
import { useImportReports } from '../api/queries.ts';
import type { ImportResult } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button, ButtonGroup } from '../components/button.tsx';
import { DataList } from '../components/data-list.tsx';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { FileField, SelectField } from '../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { AppLink } from '../components/link.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../components/table.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../lib/field-errors.ts';
import {
  CSV_COLUMNS,
  type CsvColumn,
  formatOfFile,
  linesText,
  localiseLocation,
  MAX_IMPORT_BYTES,
} from '../lib/police-import.ts';
import { usePageTitle } from '../lib/use-page-title.ts';
import { paths } from '../paths.ts';

const ID = { file: 'import-file', format: 'import-format' } as const;
const FORMAT_LABELS: Record<ImportFormat, string> = { csv: 'CSV', json: 'JSON' };

/** What each CSV column holds; the code lists come from the same lists the forms use. */
function CsvColumns() {
  const { t } = useTranslation();
  const codes: Partial<Record<CsvColumn, string>> = {
    violence_kinds: VIOLENCE_KINDS.join(', '),
    person_role: PERSON_ROLES.join(', '),
  };
  return (
    <DataList
      items={CSV_COLUMNS.map((column) => ({
        key: column,
        label: <code className="utrecht-code">{column}</code>,
        value: t(`importReports.columns.${column}`, { codes: codes[column] ?? '' }),
      }))}
    />
  );
}

function ImportResults({ result, format }: { result: ImportResult; format: ImportFormat }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  // A new answer moves focus to its summary, so it is read out and the tables follow it.
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  const { imported, rejected } = result;
  const externalRef = (value: string) => value || t('importReports.noRef');
  const location = (value: string) =>
    localiseLocation(value, {
      line: (number) => t('importReports.line', { number }),
      file: t('importReports.wholeFile'),
    });
  return (
    <section className="kring-section" aria-labelledby="import-result-title">
      <Heading level={2} id="import-result-title">
        {t('importReports.resultTitle')}
      </Heading>
      <Alert
        type={rejected.length > 0 ? 'warning' : imported.length > 0 ? 'ok' : 'info'}
        live="status"
        ref={ref}
      >
        <Paragraph>
          {t('importReports.summary', { count: imported.length, rejected: rejected.length })}
        </Paragraph>
      </Alert>
      {imported.length > 0 ? (
        <Table caption={t('importReports.importedCaption')}>
          <TableHead
            columns={[t('importReports.externalRef'), t('importReports.lines'), t('importReports.reference')]}
          />
          <TableBody>
            {imported.map((item) => (
              <Row key={item.id}>
                <RowHeader>{externalRef(item.externalRef)}</RowHeader>
                <Cell>{linesText(item.lines, format)}</Cell>
                <Cell>
                  <AppLink to={paths.report(item.id)}>{item.reference}</AppLink>
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {rejected.length > 0 ? (
        <Table caption={t('importReports.rejectedCaption')}>
          <TableHead
            columns={[t('importReports.externalRef'), t('importReports.lines'), t('importReports.reason')]}
          />
          <TableBody>
            {rejected.map((item) => (
              <Row key={`${item.externalRef}:${item.lines.join(',')}`}>
                <RowHeader>{externalRef(item.externalRef)}</RowHeader>
                <Cell>{linesText(item.lines, format)}</Cell>
                <Cell>
                  <ul className="utrecht-unordered-list kring-problem-list">
                    {item.problems.map((problem, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the server may repeat a problem; the list is never reordered
                      <li key={index} className="utrecht-unordered-list__item">
                        {location(problem.location)}: {problem.message[language]}
                      </li>
                    ))}
                  </ul>
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}

/** Police reports in a batch (CSV or JSON): valid ones are imported, rejected ones listed with reasons. */
export function ImportReportsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('importReports.title'));

  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [reading, setReading] = useState(false);
  const [clientError, setClientError] = useState<string | null>(null);
  const importReports = useImportReports();
  const busy = reading || importReports.isPending;

  function fieldRef(path: string): FieldRef | null {
    if (path.startsWith('format')) return { id: ID.format, label: t('importReports.format') };
    if (path.startsWith('content')) {
      // "body.content regel 1": the server adds where in the file the problem is.
      const where = path.slice('content'.length).trim();
      const label = t('importReports.file');
      return {
        id: ID.file,
        label:
          where && where !== '(file)'
            ? `${label}, ${localiseLocation(where, { line: (number) => t('importReports.line', { number }), file: '' })}`
            : label,
      };
    }
    return null;
  }

  const server = serverErrors(importReports.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary: SummaryItem[] = clientError ? [{ fieldId: ID.file, message: clientError }] : server.summary;
  const fileError = clientError ?? server.fields[ID.file];

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setClientError(null);
    const suggested = chosen ? formatOfFile(chosen) : null;
    if (suggested) setFormat(suggested);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!file) return setClientError(t('importReports.errors.noFile'));
    if (file.size > MAX_IMPORT_BYTES) return setClientError(t('importReports.errors.tooLarge'));
    setReading(true);
    let content: string;
    try {
      content = await file.text();
    } catch {
      return setClientError(t('importReports.errors.unreadable'));
    } finally {
      setReading(false);
    }
    if (!content.trim()) return setClientError(t('importReports.errors.empty'));
    setClientError(null);
    importReports.mutate({ format, content });
  }

  return (
    <>
      <PageHeading>{t('importReports.title')}</PageHeading>
      <Paragraph>{t('importReports.intro')}</Paragraph>

      <section className="kring-section kring-import-format" aria-labelledby="import-format-title">
        <Heading level={2} id="import-format-title">
          {t('importReports.formatTitle')}
        </Heading>
        <Paragraph>{t('importReports.csvIntro')}</Paragraph>
        <CsvColumns />
        <Paragraph>{t('importReports.jsonIntro')}</Paragraph>
        <Paragraph>{t('importReports.repeatNote')}</Paragraph>
      </section>

      <ErrorSummary items={summary} />
      <form noValidate onSubmit={(event) => void submit(event)} className="kring-form">
        <FileField
          id={ID.file}
          label={t('importReports.file')}
          description={t('importReports.fileDescription')}
          error={fileError}
          accept=".csv,.json,text/csv,application/json"
          onChange={chooseFile}
        />
        <SelectField
          id={ID.format}
          label={t('importReports.format')}
          description={t('importReports.formatDescription')}
          error={server.fields[ID.format]}
          className="kring-input-format"
          value={format}
          onChange={(event) => setFormat(event.target.value as ImportFormat)}
          options={IMPORT_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] }))}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            {t('importReports.submit')}
          </Button>
        </ButtonGroup>
      </form>

      {importReports.isSuccess ? (
        <ImportResults result={importReports.data} format={importReports.variables.format} />
      ) : null}
    </>
  );
}
