import { useTranslation } from 'react-i18next';
import { useRegion } from '../api/queries.ts';
import type { Region, RegionMunicipality } from '../api/types.ts';
import { DataList } from '../components/data-list.tsx';
import { Heading, PageHeading } from '../components/heading.tsx';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../components/table.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { formatNumber, type Language } from '../lib/format.ts';
import { usePageTitle } from '../lib/use-page-title.ts';

function latestInhabitants(m: RegionMunicipality, language: Language, none: string): string {
  const latest = [...m.inhabitants].sort((a, b) => b.year - a.year)[0];
  return latest ? `${formatNumber(latest.count, language)} (${latest.year})` : none;
}

function MunicipalitiesTable({ region }: { region: Region }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table caption={t('region.municipalitiesCaption', { count: region.municipalities.length })}>
      <TableHead
        columns={[
          t('region.columns.name'),
          t('region.columns.cbsCode'),
          t('region.columns.subregion'),
          t('region.columns.centre'),
          t('region.columns.inhabitants'),
          t('region.columns.otherRegions'),
        ]}
      />
      <TableBody>
        {region.municipalities.map((m) => {
          // Where a municipality belongs to another region for some purpose (police, court, shelter …).
          const other = m.memberships.filter((p) => p.region !== region.code);
          return (
            <Row key={m.cbsCode}>
              <RowHeader>{m.name}</RowHeader>
              <Cell>{m.cbsCode}</Cell>
              <Cell>{m.subregion ?? t('common.none')}</Cell>
              <Cell>{m.isCentre ? t('common.yes') : t('common.no')}</Cell>
              <Cell>{latestInhabitants(m, language, t('common.none'))}</Cell>
              <Cell>
                {other.length === 0 ? (
                  t('common.none')
                ) : (
                  <ul className="kring-plain-list">
                    {other.map((p) => (
                      <li key={`${p.purpose}-${p.region}`}>
                        {codeLabel(t, 'purpose', p.purpose)}: {p.region}
                        {p.note ? <span className="kring-muted"> ({p.note})</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Cell>
            </Row>
          );
        })}
      </TableBody>
    </Table>
  );
}

function OrganisationsTable({ region }: { region: Region }) {
  const { t } = useTranslation();
  const names = new Map(region.municipalities.map((m) => [m.cbsCode, m.name]));
  const all = region.municipalities.length;
  return (
    <Table caption={t('region.organisationsCaption', { count: region.organisations.length })}>
      <TableHead
        columns={[t('region.columns.organisation'), t('region.columns.type'), t('region.columns.serves')]}
      />
      <TableBody>
        {region.organisations.map((o) => (
          <Row key={o.id}>
            <RowHeader>{o.name}</RowHeader>
            <Cell>{codeLabel(t, 'organisationType', o.type)}</Cell>
            <Cell>
              {o.serves.length === all && all > 0
                ? t('region.servesAll')
                : o.serves.map((code) => names.get(code) ?? code).join(', ') || t('common.none')}
            </Cell>
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}

export function RegionPage() {
  const { t } = useTranslation();
  const region = useRegion();
  const title = region.data ? t('region.titleNamed', { name: region.data.name }) : t('region.title');
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {region.isPending ? <Loading /> : null}
      {region.isError ? <QueryFailure error={region.error} onRetry={() => void region.refetch()} /> : null}
      {region.data ? (
        <>
          <DataList
            items={[
              { key: 'code', label: t('region.code'), value: region.data.code },
              {
                key: 'period',
                label: t('region.period'),
                value: region.data.period
                  ? `${region.data.period.from}–${region.data.period.to}`
                  : t('common.none'),
              },
              { key: 'source', label: t('region.source'), value: region.data.source ?? t('common.none') },
            ]}
          />
          <section className="kring-section">
            <Heading level={2} id="region-municipalities-title">
              {t('region.municipalities')}
            </Heading>
            <MunicipalitiesTable region={region.data} />
          </section>
          <section className="kring-section">
            <Heading level={2} id="region-organisations-title">
              {t('region.organisations')}
            </Heading>
            <OrganisationsTable region={region.data} />
          </section>
        </>
      ) : null}
    </>
  );
}
