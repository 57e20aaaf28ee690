import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue, useReferenceFigures, useSaveReferenceFigure } from '../../api/insight-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { serverErrors } from '../../lib/field-errors.ts';
import { formatCalendarDate, formatNumber, todayInAmsterdam } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { insightPath } from './insight-paths.ts';

const FIELDS = ['indicator', 'year', 'value', 'source', 'sourceDate'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;
const fieldId = (f: Field) => `reference-${f}`;
const EMPTY: Draft = { indicator: '', year: '', value: '', source: '', sourceDate: '' };

/**
 * National reference figures (e.g. the national re-report rate of 38% in 2022) that the policy
 * advisor enters with their source and the date of that source, to compare the region with.
 */
export function ReferenceFiguresPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('insight.references.title'));
  const catalogue = useCatalogue();
  const figures = useReferenceFigures();
  const save = useSaveReferenceFigure();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const available = (catalogue.data?.indicators ?? []).filter((i) => i.availability.status === 'available');
  const nameOf = (code: string) => available.find((i) => i.code === code)?.name[language] ?? code;
  const label = (f: Field) => t(`insight.references.fields.${f}`);

  const server = serverErrors(
    save.error,
    language,
    (path) => {
      const f = FIELDS.find((x) => path === x);
      return f ? { id: fieldId(f), label: label(f) } : null;
    },
    { fieldInvalid: t('common.fieldInvalid'), unknownError: t('common.unknownError') },
  );
  const clientSummary: SummaryItem[] = FIELDS.flatMap((f) => {
    const message = clientErrors[f];
    return message ? [{ fieldId: fieldId(f), message: `${label(f)}: ${message}` }] : [];
  });
  const errorOf = (f: Field) => clientErrors[f] ?? server.fields[fieldId(f)];

  const set = (f: Field) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [f]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const found: Partial<Record<Field, string>> = {};
    if (!draft.indicator) found.indicator = t('insight.references.errors.indicator');
    const year = Number(draft.year);
    if (!/^\d{4}$/.test(draft.year)) found.year = t('insight.references.errors.year');
    const value = Number(draft.value.replace(',', '.'));
    if (!draft.value.trim() || !Number.isFinite(value) || value < 0)
      found.value = t('insight.references.errors.value');
    if (!draft.source.trim()) found.source = t('insight.references.errors.source');
    if (!draft.sourceDate) found.sourceDate = t('insight.references.errors.sourceDate');
    setClientErrors(found);
    setSaved(null);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { indicator: draft.indicator, year, value, source: draft.source.trim(), sourceDate: draft.sourceDate },
      {
        onSuccess: (result) => {
          setSaved(
            t(result.replaced ? 'insight.references.replaced' : 'insight.references.saved', {
              name: nameOf(result.figure.indicator),
              year: result.figure.year,
            }),
          );
          setDraft(EMPTY);
        },
      },
    );
  }

  return (
    <>
      <PageHeading>{t('insight.references.title')}</PageHeading>
      <Paragraph>{t('insight.references.intro')}</Paragraph>
      <Paragraph>
        <AppLink to={insightPath}>{t('insight.references.back')}</AppLink>
      </Paragraph>
      <section className="kring-section kring-panel" aria-labelledby="reference-form-title">
        <Heading level={2} id="reference-form-title">
          {t('insight.references.formTitle')}
        </Heading>
        {saved ? (
          <Alert type="ok" live="status">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        ) : null}
        <ErrorSummary items={clientSummary.length > 0 ? clientSummary : server.summary} />
        <form noValidate onSubmit={submit} className="kring-form kring-grid-form">
          <SelectField
            id={fieldId('indicator')}
            label={label('indicator')}
            placeholder={t('insight.references.chooseIndicator')}
            options={available.map((i) => ({ value: i.code, label: i.name[language] }))}
            error={errorOf('indicator')}
            value={draft.indicator}
            onChange={set('indicator')}
          />
          <TextField
            id={fieldId('year')}
            label={label('year')}
            error={errorOf('year')}
            inputMode="numeric"
            maxLength={4}
            value={draft.year}
            onChange={set('year')}
          />
          <TextField
            id={fieldId('value')}
            label={label('value')}
            description={t('insight.references.valueHelp')}
            error={errorOf('value')}
            inputMode="decimal"
            maxLength={20}
            value={draft.value}
            onChange={set('value')}
          />
          <TextField
            id={fieldId('source')}
            label={label('source')}
            description={t('insight.references.sourceHelp')}
            error={errorOf('source')}
            maxLength={500}
            value={draft.source}
            onChange={set('source')}
          />
          <TextField
            id={fieldId('sourceDate')}
            label={label('sourceDate')}
            error={errorOf('sourceDate')}
            type="date"
            max={todayInAmsterdam()}
            value={draft.sourceDate}
            onChange={set('sourceDate')}
          />
          <ButtonGroup>
            <Button type="submit" busy={save.isPending}>
              {t('insight.references.submit')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
      <section className="kring-section" aria-labelledby="reference-list-title">
        <Heading level={2} id="reference-list-title">
          {t('insight.references.listTitle')}
        </Heading>
        {figures.isPending ? <Loading /> : null}
        {figures.isError ? (
          <QueryFailure error={figures.error} onRetry={() => void figures.refetch()} />
        ) : null}
        {figures.data?.length === 0 ? <Paragraph>{t('insight.references.empty')}</Paragraph> : null}
        {figures.data && figures.data.length > 0 ? (
          <Table caption={t('insight.references.listCaption')}>
            <TableHead
              columns={[
                label('indicator'),
                label('year'),
                label('value'),
                label('source'),
                label('sourceDate'),
                t('insight.references.enteredBy'),
              ]}
            />
            <TableBody>
              {figures.data.map((f) => (
                <Row key={f.id}>
                  <RowHeader>{nameOf(f.indicator)}</RowHeader>
                  <Cell>{f.year}</Cell>
                  <Cell>{formatNumber(f.value, language)}</Cell>
                  <Cell>{f.source}</Cell>
                  <Cell>{formatCalendarDate(f.sourceDate, language)}</Cell>
                  <Cell>{f.enteredBy}</Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </section>
    </>
  );
}
