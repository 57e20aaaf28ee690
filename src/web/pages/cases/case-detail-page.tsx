import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CaseDetail, caseKeys, casesApi } from '../../api/cases-api.ts';
import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/alert.tsx';
import { DataList } from '../../components/data-list.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { paths } from '../../paths.ts';
import { CaseAssessments } from './case-assessments.tsx';
import { CaseChecklists } from './case-checklists.tsx';
import { CaseClosure } from './case-closure.tsx';
import { CaseDocuments } from './case-documents.tsx';
import { CaseHandovers } from './case-handovers.tsx';
import { CaseMeasures } from './case-measures.tsx';
import { CaseMeetings } from './case-meetings.tsx';
import { CaseNotes } from './case-notes.tsx';
import { CasePhase } from './case-phase.tsx';
import { CaseSafetyPlan } from './case-safety-plan.tsx';
import { CaseSupport } from './case-support.tsx';
import { CaseTeam } from './case-team.tsx';
import { CaseTimeline } from './case-timeline.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function CaseView({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <DataList
        items={[
          { key: 'reference', label: t('cases.reference'), value: kase.reference },
          { key: 'municipality', label: t('cases.municipality'), value: kase.municipalityName },
          { key: 'phase', label: t('cases.phase.label'), value: t(`cases.phases.${kase.phase}`) },
          {
            key: 'coordinator',
            label: t('cases.coordinator'),
            value: `${kase.coordinator.name} (${kase.coordinator.organisation})`,
          },
          { key: 'opened', label: t('cases.openedAt'), value: formatDateTime(kase.openedAt, language) },
          { key: 'access', label: t('cases.access.label'), value: t(`cases.access.${kase.access}`) },
        ]}
      />
      <section className="kring-section" aria-labelledby="case-members-title">
        <Heading level={2} id="case-members-title">
          {t('cases.members.title')}
        </Heading>
        <Table caption={t('cases.members.caption')}>
          <TableHead
            columns={[
              t('report.personName'),
              t('report.dateOfBirth'),
              t('report.personRole'),
              t('report.bsn'),
            ]}
          />
          <TableBody>
            {kase.members.map((m) => (
              <Row key={m.id}>
                <RowHeader>{m.fullName}</RowHeader>
                <Cell>{formatCalendarDate(m.dateOfBirth, language)}</Cell>
                <Cell>{codeLabel(t, 'personRole', m.role)}</Cell>
                <Cell>{m.bsn ?? t('common.none')}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      </section>
      <section className="kring-section" aria-labelledby="case-reports-title">
        <Heading level={2} id="case-reports-title">
          {t('cases.reports.title')}
        </Heading>
        <ul className="utrecht-unordered-list">
          {kase.reports.map((r) => (
            <li key={r.id} className="utrecht-unordered-list__item">
              <AppLink to={paths.report(r.id)}>{r.reference}</AppLink>{' '}
              {t('cases.reports.received', { date: formatDateTime(r.receivedAt, language) })}
            </li>
          ))}
        </ul>
      </section>
      <CaseTeam kase={kase} />
      <CasePhase kase={kase} />
      <CaseSafetyPlan kase={kase} />
      <CaseAssessments kase={kase} />
      <CaseChecklists kase={kase} />
      <CaseMeasures kase={kase} />
      <CaseSupport kase={kase} />
      <CaseMeetings kase={kase} />
      <CaseHandovers kase={kase} />
      <CaseNotes kase={kase} />
      <CaseDocuments kase={kase} />
      <CaseClosure kase={kase} />
      <CaseTimeline kase={kase} />
    </>
  );
}

/** One household case: members, reports, team, phase, safety plan, safety assessments and notes. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const validId = UUID.test(id);
  const kase = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => casesApi.get(id), enabled: validId });
  const notFound = !validId || (kase.error instanceof ApiError && kase.error.status === 404);
  const title = kase.data
    ? t('cases.detail.title', { reference: kase.data.reference })
    : t('cases.detail.titleUnknown');
  usePageTitle(notFound ? t('cases.detail.notFoundTitle') : title);
  if (notFound) {
    return (
      <>
        <PageHeading>{t('cases.detail.notFoundTitle')}</PageHeading>
        <Alert type="info">
          <Paragraph>{t('cases.detail.notFound')}</Paragraph>
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {kase.isPending ? <Loading /> : null}
      {kase.isError ? <QueryFailure error={kase.error} onRetry={() => void kase.refetch()} /> : null}
      {kase.data ? <CaseView kase={kase.data} /> : null}
    </>
  );
}
