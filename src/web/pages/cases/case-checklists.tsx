import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChecklistResult,
  caseChecklistKeys,
  caseChecklistsApi,
  type RiskBand,
} from '../../api/case-checklists-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../api/codes.ts';
import { Alert } from '../../components/alert.tsx';
import { SelectField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { type BadgeVariant, StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { CaseChecklistForm } from './case-checklist-form.tsx';

const BAND_BADGE: Record<RiskBand, BadgeVariant> = { low: 'success', elevated: 'warning', high: 'danger' };

function BandBadge({ band }: { band: RiskBand }) {
  const { t } = useTranslation();
  return <StatusBadge variant={BAND_BADGE[band]}>{t(`caseChecklists.bands.${band}`)}</StatusBadge>;
}

/** Risk checklists on the case page: what was filled in (per readable category), and a form to fill one in. */
export function CaseChecklists({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<InformationCategory | ''>('');
  const definitions = useQuery({
    queryKey: caseChecklistKeys.definitions,
    queryFn: caseChecklistsApi.definitions,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const results = useQuery({
    queryKey: caseChecklistKeys.results(kase.id, category),
    queryFn: () => caseChecklistsApi.results(kase.id, category || undefined),
  });

  return (
    <section className="kring-section" aria-labelledby="case-checklists-title">
      <Heading level={2} id="case-checklists-title">
        {t('caseChecklists.title')}
      </Heading>
      <Paragraph>{t('caseChecklists.intro')}</Paragraph>
      <Alert type="info">
        <Paragraph>{t('caseChecklists.adviceNotVerdict')}</Paragraph>
      </Alert>
      <SelectField
        id="case-checklists-filter"
        label={t('caseChecklists.filter.label')}
        required={false}
        value={category}
        onChange={(event) => setCategory(event.target.value as InformationCategory | '')}
        placeholder={t('caseChecklists.filter.all')}
        options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
      />
      {results.isPending ? <Loading /> : null}
      {results.isError ? <QueryFailure error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? <ResultsTable results={results.data.results} withheld={results.data.withheld} /> : null}

      {definitions.isPending ? <Loading /> : null}
      {definitions.isError ? (
        <QueryFailure error={definitions.error} onRetry={() => void definitions.refetch()} />
      ) : null}
      {definitions.data?.map((definition) => (
        <CaseChecklistForm
          key={`${definition.id}@${definition.version}`}
          caseId={kase.id}
          definition={definition}
        />
      ))}
    </section>
  );
}

function ResultsTable({ results, withheld }: { results: ChecklistResult[]; withheld: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {results.length === 0 ? <Paragraph>{t('caseChecklists.results.none')}</Paragraph> : null}
      {withheld > 0 ? (
        <Paragraph>{t('caseChecklists.results.withheld', { count: withheld })}</Paragraph>
      ) : null}
      {results.length > 0 ? (
        <Table caption={t('caseChecklists.results.caption')}>
          <TableHead
            columns={[
              t('caseChecklists.results.recordedAt'),
              t('caseChecklists.results.checklist'),
              t('caseChecklists.results.recordedBy'),
              t('caseChecklists.results.category'),
              t('caseChecklists.results.score'),
              t('caseChecklists.results.advice'),
              t('caseChecklists.results.conclusion'),
              t('caseChecklists.results.reason'),
            ]}
          />
          <TableBody>
            {results.map((r) => (
              <Row key={r.id}>
                <RowHeader>{formatDateTime(r.recordedAt, language)}</RowHeader>
                <Cell>
                  {r.title[language]} (v{r.version})
                </Cell>
                <Cell>
                  {r.recordedBy} · {r.organisation}
                </Cell>
                <Cell>{codeLabel(t, 'category', r.category)}</Cell>
                <Cell>
                  {t('caseChecklists.results.scoreOf', { score: r.score, max: r.maxScore })}
                  {r.unknownCount > 0 ? (
                    <> {t('caseChecklists.results.unknowns', { count: r.unknownCount })}</>
                  ) : null}
                </Cell>
                <Cell>
                  <BandBadge band={r.advisedBand} />
                </Cell>
                <Cell>
                  <BandBadge band={r.conclusion} />
                  {r.overridden ? (
                    <>
                      {' '}
                      <StatusBadge variant="neutral">{t('caseChecklists.results.overridden')}</StatusBadge>
                    </>
                  ) : null}
                </Cell>
                <Cell>{r.overrideReason ?? t('common.none')}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </>
  );
}
