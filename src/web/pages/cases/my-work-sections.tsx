import { useTranslation } from 'react-i18next';
import type { WorkHandover, WorkItem, WorkSection } from '../../api/case-work-api.ts';
import type { CaseSummary } from '../../api/cases-api.ts';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { casePath } from './case-paths.ts';
import { handoversWaitingPath } from './handovers-waiting-page.tsx';

/** Where on the case page each kind of item is worked on (the section's heading id). */
const SECTION_ANCHORS: Record<WorkSection, string> = {
  actions: 'case-plan-actions-title',
  safety_plan: 'case-plan-title',
  measures: 'case-measures-title',
  monitoring: 'case-closure-title',
};

function ItemText({ item }: { item: WorkItem }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'action':
      return (
        <>
          {item.description}
          {item.meetingKind
            ? ` (${t('caseWork.fromMeeting', { meeting: t(`caseMeetings.kinds.${item.meetingKind}`) })})`
            : null}
        </>
      );
    case 'agreement':
      return <>{item.description}</>;
    case 'measure_end':
      return <>{t('caseWork.measureEnds', { measure: t(`caseMeasures.kinds.${item.measureKind ?? ''}`) })}</>;
    case 'monitoring':
      return <>{t('caseWork.monitoringAfter', { count: item.monthsAfter ?? 0 })}</>;
  }
}

/** One list of work items (this week, or overdue) as a table; a sentence when there is nothing. */
export function WorkItemsSection({
  id,
  title,
  caption,
  empty,
  items,
}: {
  id: string;
  title: string;
  caption: string;
  empty: string;
  items: WorkItem[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="kring-section" aria-labelledby={`${id}-title`}>
      <Heading level={2} id={`${id}-title`}>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <Table caption={caption}>
          <TableHead
            columns={[
              t('caseWork.columns.case'),
              t('caseWork.columns.kind'),
              t('caseWork.columns.what'),
              t('caseWork.columns.due'),
            ]}
          />
          <TableBody>
            {items.map((item) => (
              <Row key={item.id}>
                <RowHeader>
                  <AppLink
                    to={`${casePath(item.link.caseId)}#${SECTION_ANCHORS[item.link.section]}`}
                    aria-label={t('caseWork.openCase', { reference: item.caseReference })}
                  >
                    {item.caseReference}
                  </AppLink>
                </RowHeader>
                <Cell>{t(`caseWork.kinds.${item.kind}`)}</Cell>
                <Cell>
                  <ItemText item={item} />
                </Cell>
                <Cell>
                  {item.dueAt
                    ? formatDateTime(item.dueAt, language)
                    : formatCalendarDate(item.dueOn, language)}
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** Handovers waiting for my organisation (or me); deciding happens on "Overdrachten voor mij". */
export function MyWorkHandovers({ handovers }: { handovers: WorkHandover[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="kring-section" aria-labelledby="my-work-handovers-title">
      <Heading level={2} id="my-work-handovers-title">
        {t('caseWork.handovers.title')}
      </Heading>
      {handovers.length === 0 ? (
        <Paragraph>{t('caseWork.handovers.empty')}</Paragraph>
      ) : (
        <>
          <Table caption={t('caseWork.handovers.caption')}>
            <TableHead
              columns={[
                t('caseWork.columns.case'),
                t('caseWork.handovers.subject'),
                t('caseWork.handovers.from'),
                t('caseWork.handovers.status'),
                t('caseWork.columns.due'),
              ]}
            />
            <TableBody>
              {handovers.map((h) => (
                <Row key={h.id}>
                  <RowHeader>{h.caseReference}</RowHeader>
                  <Cell>
                    {t(`caseHandovers.subjects.${h.subject}`)}
                    {h.toMe ? ` (${t('caseWork.handovers.toYou')})` : ''}
                  </Cell>
                  <Cell>{`${h.fromUser} (${h.fromOrganisation})`}</Cell>
                  <Cell>
                    <StatusBadge variant={h.status === 'escalated' ? 'danger' : 'warning'}>
                      {t(`caseHandovers.statuses.${h.status}`)}
                      {h.escalationLevel !== null
                        ? ` (${t('caseWork.handovers.level', { level: h.escalationLevel })})`
                        : ''}
                    </StatusBadge>
                  </Cell>
                  <Cell>
                    {formatDateTime(h.dueAt, language)}
                    {h.overdue ? ` (${t('caseWork.handovers.overdue')})` : ''}
                  </Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
          <Paragraph>
            <AppLink to={handoversWaitingPath}>{t('caseWork.handovers.open')}</AppLink>
          </Paragraph>
        </>
      )}
    </section>
  );
}

/** My cases, as on "Mijn casussen". */
export function MyWorkCases({ cases }: { cases: CaseSummary[] }) {
  const { t } = useTranslation();
  return (
    <section className="kring-section" aria-labelledby="my-work-cases-title">
      <Heading level={2} id="my-work-cases-title">
        {t('caseWork.cases.title')}
      </Heading>
      {cases.length === 0 ? (
        <Paragraph>{t('caseWork.cases.empty')}</Paragraph>
      ) : (
        <Table caption={t('caseWork.cases.caption')}>
          <TableHead
            columns={[
              t('cases.reference'),
              t('cases.municipality'),
              t('cases.phase.label'),
              t('cases.coordinator'),
              t('cases.mine.myRole'),
              t('cases.mine.lastScore'),
            ]}
          />
          <TableBody>
            {cases.map((c) => (
              <Row key={c.id}>
                <RowHeader>
                  <AppLink to={casePath(c.id)}>{c.reference}</AppLink>
                </RowHeader>
                <Cell>{c.municipalityName}</Cell>
                <Cell>{t(`cases.phases.${c.phase}`)}</Cell>
                <Cell>{c.coordinator}</Cell>
                <Cell>{c.myCaseRole ? t(`cases.caseRoles.${c.myCaseRole}`) : t('common.none')}</Cell>
                <Cell>{c.lastScore === null ? t('cases.mine.noScore') : `${c.lastScore} / 10`}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
