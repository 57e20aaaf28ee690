import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type Dashboard,
  type DashboardFilters,
  type IndicatorDefinition,
  insightApi,
  insightKeys,
  useCatalogue,
} from '../../api/insight-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { SelectField } from '../../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure, StatusText } from '../../components/query-state.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { access } from '../../session/access.ts';
import { useCurrentSession } from '../../session/current-session.tsx';
import { insightReferencesPath } from './insight-paths.ts';
import { InsightSectionView } from './insight-section.tsx';
import './insight.css';

const GROUPS = ['volume', 'process', 'outcome', 'measures'] as const;

/** The quarter "YYYY-Qn" of a date in Amsterdam. */
function quarterOfDate(date: Date): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
  })
    .format(date)
    .split('-')
    .map(Number);
  return `${year}-Q${Math.floor(((month ?? 1) - 1) / 3) + 1}`;
}

/** The last `count` quarters up to and including the current one, oldest first. */
export function recentQuarters(now: Date, count: number): string[] {
  const [y, q] = quarterOfDate(now).split('-Q').map(Number);
  const index = (y ?? 0) * 4 + (q ?? 1) - 1;
  return Array.from({ length: count }, (_, i) => {
    const k = index - count + 1 + i;
    return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
  });
}

function quarterText(key: string, language: 'nl' | 'en') {
  const [year, q] = key.split('-Q');
  return language === 'nl' ? `${year} K${q}` : `${year} Q${q}`;
}

function filtersFrom(params: URLSearchParams, quarters: string[]): DashboardFilters {
  const filters: DashboardFilters = {
    from: params.get('van') ?? quarters[quarters.length - 4] ?? '',
    to: params.get('tot') ?? quarters.at(-1) ?? '',
  };
  const municipality = params.get('gemeente');
  const subregion = params.get('subregio');
  if (municipality) filters.municipality = municipality;
  if (subregion) filters.subregion = subregion;
  return filters;
}

/**
 * The regional dashboard: figures per municipality and quarter with trends, for the policy advisor
 * (whole region) and the Veilig Thuis team lead (process figures). Only protected aggregates reach
 * this page; filters live in the address so a view can be shared.
 */
export function InsightDashboardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useCurrentSession();
  usePageTitle(t('insight.dashboard.title'));
  const quarters = recentQuarters(new Date(), 40);
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params, quarters);
  const [draft, setDraft] = useState(filters);
  const catalogue = useCatalogue();
  const dashboard = useQuery({
    queryKey: insightKeys.dashboard(filters),
    queryFn: () => insightApi.dashboard(filters),
    placeholderData: keepPreviousData,
  });
  const data: Dashboard | undefined = dashboard.data;
  const definitions = new Map((catalogue.data?.indicators ?? []).map((i) => [i.code, i]));

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams({ van: draft.from, tot: draft.to });
    if (draft.subregion) next.set('subregio', draft.subregion);
    if (draft.municipality) next.set('gemeente', draft.municipality);
    setParams(next);
  }

  const quarterOptions = quarters.map((q) => ({ value: q, label: quarterText(q, language) }));
  const municipalities = (data?.municipalities ?? []).filter(
    (m) => !draft.subregion || m.subregion === draft.subregion,
  );
  const selectionText = data
    ? [
        data.filters.municipality
          ? (data.municipalities.find((m) => m.code === data.filters.municipality)?.name ?? '')
          : data.filters.subregion
            ? t('insight.filters.subregionNamed', { subregion: data.filters.subregion })
            : t('insight.filters.wholeRegion', { region: data.region.name }),
        t('insight.filters.periodText', {
          from: quarterText(data.filters.from, language),
          to: quarterText(data.filters.to, language),
        }),
      ].join(', ')
    : '';
  const notYet: IndicatorDefinition[] = (catalogue.data?.indicators ?? []).filter(
    (i) => i.availability.status === 'not_yet_available',
  );

  return (
    <>
      <PageHeading>{t('insight.dashboard.title')}</PageHeading>
      <Paragraph>
        {data?.audience === 'team_lead' ? t('insight.dashboard.introTeamLead') : t('insight.dashboard.intro')}
      </Paragraph>
      {access.insightReferences(session) ? (
        <Paragraph>
          <AppLink to={insightReferencesPath}>{t('insight.references.link')}</AppLink>
        </Paragraph>
      ) : null}
      <section className="kring-section kring-panel" aria-labelledby="insight-filters-title">
        <Heading level={2} id="insight-filters-title">
          {t('insight.filters.title')}
        </Heading>
        <form noValidate onSubmit={submit} className="kring-form kring-grid-form">
          <SelectField
            id="insight-from"
            label={t('insight.filters.from')}
            options={quarterOptions}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <SelectField
            id="insight-to"
            label={t('insight.filters.to')}
            options={quarterOptions}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          <SelectField
            id="insight-subregion"
            label={t('insight.filters.subregion')}
            required={false}
            placeholder={t('insight.filters.allSubregions')}
            options={(data?.subregions ?? []).map((s) => ({ value: s, label: s }))}
            value={draft.subregion ?? ''}
            onChange={(e) => {
              const { municipality: _, subregion: __, ...rest } = draft;
              setDraft(e.target.value ? { ...rest, subregion: e.target.value } : rest);
            }}
          />
          <SelectField
            id="insight-municipality"
            label={t('insight.filters.municipality')}
            required={false}
            placeholder={t('insight.filters.allMunicipalities')}
            options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
            value={draft.municipality ?? ''}
            onChange={(e) => {
              const { municipality: _, ...rest } = draft;
              setDraft(e.target.value ? { ...rest, municipality: e.target.value } : rest);
            }}
          />
          <ButtonGroup>
            <Button type="submit" busy={dashboard.isFetching}>
              {t('insight.filters.show')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
      {dashboard.isPending || catalogue.isPending ? <Loading /> : null}
      {dashboard.isError ? (
        <QueryFailure error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : null}
      {catalogue.isError ? (
        <QueryFailure error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : null}
      {data && catalogue.data ? (
        <>
          <StatusText>{t('insight.dashboard.showing', { selection: selectionText })}</StatusText>
          <Alert type="info">
            <Paragraph>
              {t('insight.dashboard.disclosure', { threshold: data.disclosure.threshold })}
              {data.disclosure.rounding
                ? ` ${t('insight.dashboard.rounding', { base: data.disclosure.rounding })}`
                : ''}
            </Paragraph>
          </Alert>
          {GROUPS.map((group) => {
            const sections = data.sections.filter((s) => definitions.get(s.indicator)?.group === group);
            if (sections.length === 0) return null;
            return (
              <section key={group} className="kring-section" aria-labelledby={`insight-group-${group}`}>
                <Heading level={2} id={`insight-group-${group}`}>
                  {t(`insight.groups.${group}`)}
                </Heading>
                {sections.map((s) => {
                  const definition = definitions.get(s.indicator);
                  return definition ? (
                    <InsightSectionView
                      key={s.indicator}
                      section={s}
                      definition={definition}
                      threshold={data.disclosure.threshold}
                      references={data.references}
                    />
                  ) : null;
                })}
              </section>
            );
          })}
          {notYet.length > 0 ? (
            <section className="kring-section" aria-labelledby="insight-not-yet">
              <Heading level={2} id="insight-not-yet">
                {t('insight.notYet.title')}
              </Heading>
              <Paragraph>{t('insight.notYet.intro')}</Paragraph>
              <ul className="utrecht-unordered-list">
                {notYet.map((i) => (
                  <li key={i.code} className="utrecht-unordered-list__item">
                    {i.name[language]}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
