import { useTranslation } from 'react-i18next';
import { type CaseLink, type ReportClassification, useClosureOverview } from '../../api/case-closure-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { type BadgeVariant, StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../lib/format.ts';
import { paths } from '../../paths.ts';
import { casePath } from './case-paths.ts';
import { closureLetterPath } from './closure-letter-page.tsx';

const KIND_BADGE: Record<ReportClassification, BadgeVariant> = {
  first_report: 'neutral',
  follow_up_report: 'warning',
  re_report: 'danger',
};

function CaseLinkText({ link }: { link: CaseLink }) {
  const { t } = useTranslation();
  if (link.visible && link.id && link.reference)
    return <AppLink to={casePath(link.id)}>{link.reference}</AppLink>;
  return <>{t('caseClosure.reReports.otherCase')}</>;
}

/** Earlier closures and reopenings, new reports after closure (re-reports), and linked cases. */
export function CaseClosureHistory({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const overview = useClosureOverview(kase.id);
  if (overview.isPending) return <Loading />;
  if (overview.isError)
    return <QueryFailure error={overview.error} onRetry={() => void overview.refetch()} />;
  const { closures, reportsAfterClosure, previousCase, nextCases } = overview.data;
  return (
    <>
      {previousCase ? (
        <Paragraph>
          {previousCase.visible && previousCase.id ? (
            <>
              {t('caseClosure.links.previous')}{' '}
              <AppLink to={casePath(previousCase.id)}>{previousCase.reference}</AppLink>
            </>
          ) : (
            t('caseClosure.links.previousHidden')
          )}
        </Paragraph>
      ) : null}
      {reportsAfterClosure.length > 0 ? (
        <>
          <Heading level={3} id="case-rereports-title">
            {t('caseClosure.reReports.title')}
          </Heading>
          <Paragraph>{t('caseClosure.reReports.intro')}</Paragraph>
          <Table caption={t('caseClosure.reReports.caption')}>
            <TableHead
              columns={[
                t('caseClosure.reReports.reference'),
                t('caseClosure.reReports.receivedAt'),
                t('caseClosure.reReports.concerns'),
                t('caseClosure.reReports.kind'),
                t('caseClosure.reReports.inCase'),
              ]}
            />
            <TableBody>
              {reportsAfterClosure.map((r) => (
                <Row key={r.reportId}>
                  <RowHeader>
                    {r.reportVisible ? (
                      <AppLink to={paths.report(r.reportId)}>{r.reference}</AppLink>
                    ) : (
                      r.reference
                    )}
                  </RowHeader>
                  <Cell>{formatDateTime(r.receivedAt, language)}</Cell>
                  <Cell>{r.concerns.join(', ')}</Cell>
                  <Cell>
                    <StatusBadge variant={KIND_BADGE[r.classification]}>
                      {t(`caseClosure.reReports.kinds.${r.classification}`)}
                    </StatusBadge>
                  </Cell>
                  <Cell>
                    {r.inCase ? <CaseLinkText link={r.inCase} /> : t('caseClosure.reReports.notInCase')}
                  </Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
      {nextCases.map((next, index) => (
        <Paragraph key={next.id ?? `hidden-${index}`}>
          {next.visible && next.id ? (
            <>
              {t('caseClosure.links.next')} <AppLink to={casePath(next.id)}>{next.reference}</AppLink>
            </>
          ) : (
            t('caseClosure.links.nextHidden')
          )}
        </Paragraph>
      ))}
      {closures.length > 0 ? (
        <>
          <Heading level={3} id="case-closures-title">
            {t('caseClosure.closures.title')}
          </Heading>
          <Table caption={t('caseClosure.closures.caption')}>
            <TableHead
              columns={[
                t('caseClosure.closures.at'),
                t('caseClosure.closures.reason'),
                t('caseClosure.closures.by'),
                t('caseClosure.closures.explanation'),
                t('caseClosure.closures.reopened'),
                t('caseClosure.closures.letter'),
              ]}
            />
            <TableBody>
              {closures.map((c) => (
                <Row key={c.id}>
                  <RowHeader>{formatDateTime(c.closedAt, language)}</RowHeader>
                  <Cell>{t(`caseClosure.close.reasons.${c.reasonCode}`)}</Cell>
                  <Cell>{`${c.closedBy} (${c.organisation})`}</Cell>
                  <Cell>{c.explanation}</Cell>
                  <Cell>
                    {c.reopening
                      ? t('caseClosure.closures.reopenedLine', {
                          date: formatDateTime(c.reopening.at, language),
                          by: c.reopening.by,
                          reason: c.reopening.reason,
                        })
                      : t('caseClosure.closures.notReopened')}
                  </Cell>
                  <Cell>
                    <AppLink to={closureLetterPath(kase.id, c.id)}>
                      {t('caseClosure.closures.letterLink', { date: formatDateTime(c.closedAt, language) })}
                    </AppLink>
                  </Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </>
  );
}
