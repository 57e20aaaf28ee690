import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CaseMeeting, caseMeetingKeys, caseMeetingsApi } from '../../api/case-meetings-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { CasePlanActions } from './case-meetings-actions.tsx';
import { CaseMeetingForm } from './case-meetings-form.tsx';

/** Multi-agency meetings and their actions on the case page. */
export function CaseMeetings({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const meetings = useQuery({
    queryKey: caseMeetingKeys.meetings(kase.id),
    queryFn: () => caseMeetingsApi.list(kase.id),
  });
  return (
    <>
      <section className="kring-section" aria-labelledby="case-meetings-title">
        <Heading level={2} id="case-meetings-title">
          {t('caseMeetings.title')}
        </Heading>
        <Paragraph>{t('caseMeetings.intro')}</Paragraph>
        {meetings.isPending ? <Loading /> : null}
        {meetings.isError ? (
          <QueryFailure error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : null}
        {meetings.data && meetings.data.meetings.length === 0 ? (
          <Paragraph>{t('caseMeetings.none')}</Paragraph>
        ) : null}
        {meetings.data && meetings.data.withheld > 0 ? (
          <Paragraph>{t('caseMeetings.withheld', { number: meetings.data.withheld })}</Paragraph>
        ) : null}
        {meetings.data?.meetings.map((m) => (
          <MeetingRecord key={m.id} meeting={m} />
        ))}
        <CaseMeetingForm kase={kase} />
      </section>
      <CasePlanActions kase={kase} />
    </>
  );
}

function MeetingRecord({ meeting: m }: { meeting: CaseMeeting }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = `meeting-${m.id}-title`;
  const title = t('caseMeetings.meetingTitle', {
    kind: t(`caseMeetings.kinds.${m.kind}`),
    date: formatDateTime(m.heldAt, language),
  });
  return (
    <article className="kring-panel" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {title}
      </Heading>
      <Paragraph>
        {t('caseMeetings.recordCategory')}{' '}
        <StatusBadge variant="neutral">{codeLabel(t, 'category', m.category)}</StatusBadge>{' '}
        {t('caseMeetings.recordedBy', {
          name: m.recordedBy,
          organisation: m.organisation,
          date: formatDateTime(m.recordedAt, language),
        })}
      </Paragraph>
      <Heading level={4}>{t('caseMeetings.agenda')}</Heading>
      <ol className="utrecht-ordered-list">
        {m.agenda.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are fixed once recorded and may repeat
          <li key={index} className="utrecht-ordered-list__item">
            {item}
          </li>
        ))}
      </ol>
      <Table caption={`${t('caseMeetings.participantsCaption')}: ${title}`}>
        <TableHead
          columns={[
            t('caseMeetings.participantName'),
            t('caseMeetings.participantOrganisation'),
            t('caseMeetings.participantRole'),
            t('caseMeetings.chair'),
          ]}
        />
        <TableBody>
          {m.participants.map((p) => (
            <Row key={`${p.type}-${p.userId ?? ''}-${p.name}-${p.organisation}`}>
              <RowHeader>{p.name}</RowHeader>
              <Cell>{p.organisation}</Cell>
              <Cell>
                {p.caseRole
                  ? t(`cases.caseRoles.${p.caseRole}`)
                  : `${p.role ?? ''} (${t('caseMeetings.outsideTeam')})`}
              </Cell>
              <Cell>{p.chair ? t('caseMeetings.chair') : t('common.none')}</Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
      <Heading level={4}>{t('caseMeetings.information')}</Heading>
      {m.information.length === 0 ? <Paragraph>{t('caseMeetings.noInformation')}</Paragraph> : null}
      <ul className="kring-notes">
        {m.information.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed once recorded
          <li key={index} className="kring-note">
            <p className="utrecht-paragraph kring-note__meta">
              <StatusBadge variant="neutral">{codeLabel(t, 'category', item.category)}</StatusBadge>
            </p>
            <p className="utrecht-paragraph kring-prewrap">{item.body}</p>
          </li>
        ))}
      </ul>
      {m.informationWithheld > 0 ? (
        <Paragraph>{t('caseMeetings.informationWithheld', { number: m.informationWithheld })}</Paragraph>
      ) : null}
      {m.decisions.length === 0 ? (
        <>
          <Heading level={4}>{t('caseMeetings.decisions')}</Heading>
          <Paragraph>{t('caseMeetings.noDecisions')}</Paragraph>
        </>
      ) : (
        <Table caption={`${t('caseMeetings.decisionsCaption')}: ${title}`}>
          <TableHead
            columns={[
              t('caseMeetings.what'),
              t('caseMeetings.who'),
              t('caseMeetings.dueOn'),
              t('caseMeetings.monitoring'),
              t('caseMeetings.status'),
            ]}
          />
          <TableBody>
            {m.decisions.map((d) => (
              <Row key={d.actionId}>
                <RowHeader>{d.description}</RowHeader>
                <Cell>{d.owner}</Cell>
                <Cell>{formatCalendarDate(d.dueOn, language)}</Cell>
                <Cell>{d.monitoring}</Cell>
                <Cell>{t(`caseMeetings.statuses.${d.status}`)}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      )}
    </article>
  );
}
