import { useIsMutating, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseWorkApi, type TimelineEntry, workKeys } from '../../api/case-work-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import type { Language } from '../../api/client.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../api/codes.ts';
import { SelectField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';

/** The short label of one entry, built from its kind and codes (the timeline carries no free text). */
export function timelineLabel(t: TFunction, language: Language, entry: TimelineEntry): string {
  const d = entry.details;
  const text = (key: string) => String(d[key] ?? '');
  const phase = (key: string) => t(`cases.phases.${text(key)}`);
  const measure = () => t(`caseMeasures.kinds.${text('measure')}`);
  const k = (kind: string, values: Record<string, unknown> = {}) =>
    t(`caseWork.timeline.kinds.${kind}`, values);
  switch (entry.kind) {
    case 'report_attached':
      return k(entry.kind, { reference: text('reference') });
    case 'team_joined':
    case 'team_left':
      return k(entry.kind, { member: text('member'), role: t(`cases.caseRoles.${text('caseRole')}`) });
    case 'phase_changed':
      return d.from
        ? k(entry.kind, { from: phase('from'), to: phase('to') })
        : k('phase_started', { to: phase('to') });
    case 'assessment_recorded':
      return k(entry.kind, { minScore: d.minScore });
    case 'safety_plan_saved':
      return k(entry.kind, { version: d.version, status: t(`cases.plan.statuses.${text('status')}`) });
    case 'checklist_recorded':
      return k(entry.kind, {
        advised: t(`caseChecklists.bands.${text('advisedBand')}`),
        conclusion: t(`caseChecklists.bands.${text('conclusionBand')}`),
      });
    case 'measure_imposed':
    case 'measure_lifted':
      return k(entry.kind, { measure: measure() });
    case 'measure_extended':
      return k(entry.kind, { measure: measure(), end: formatDateTime(text('newEnd'), language) });
    case 'support_offered':
      return k(entry.kind, { support: t(`caseSupport.kinds.${text('support')}`) });
    case 'support_outcome':
      return k(entry.kind, {
        support: t(`caseSupport.kinds.${text('support')}`),
        outcome: t(`caseSupport.outcomes.${text('support')}.${text('outcome')}`),
      });
    case 'meeting_held':
      return k('meeting_held', {
        meeting: t(`caseMeetings.kinds.${text('meeting')}`),
        count: Number(d.decisions ?? 0),
      });
    case 'action_closed':
      return k(entry.kind, { status: t(`caseMeetings.statuses.${text('status')}`) });
    case 'handover_step':
      return k(
        d.escalationLevel === null || d.escalationLevel === undefined
          ? 'handover_step'
          : 'handover_escalated',
        {
          subject: t(`caseHandovers.subjects.${text('subject')}`),
          organisation: text('toOrganisation'),
          action: t(`caseHandovers.actions.${text('action')}`),
          level: d.escalationLevel,
        },
      );
    case 'document_added':
      return k(entry.kind, { kind: t(`caseDocuments.kinds.${text('documentKind')}`) });
    case 'monitoring_contact':
      return k(entry.kind, { outcome: t(`caseClosure.contact.outcomes.${text('outcome')}`) });
    case 'case_closed':
      return k(entry.kind, { reason: t(`caseClosure.close.reasons.${text('reason')}`) });
    case 'case_reopened':
      return k(entry.kind, { phase: phase('to') });
    default:
      return k(entry.kind);
  }
}

/**
 * Refetches when a change anywhere on the page has settled: every section writes through its own
 * mutation and query keys, and the timeline shows the result of all of them.
 */
function useRefetchAfterChanges(refetch: () => unknown) {
  const mutating = useIsMutating();
  const previous = useRef(mutating);
  useEffect(() => {
    if (previous.current > 0 && mutating === 0) void refetch();
    previous.current = mutating;
  }, [mutating, refetch]);
}

/** "Tijdlijn van het huishouden": what happened across organisations, as far as the reader may see. */
export function CaseTimeline({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [category, setCategory] = useState<InformationCategory | ''>('');
  const timeline = useQuery({
    queryKey: workKeys.timeline(kase.id),
    queryFn: () => caseWorkApi.timeline(kase.id),
  });
  useRefetchAfterChanges(timeline.refetch);
  const entries = (timeline.data?.entries ?? []).filter((e) => category === '' || e.category === category);
  const withheld = timeline.data?.withheld ?? 0;
  return (
    <section className="kring-section" aria-labelledby="case-timeline-title">
      <Heading level={2} id="case-timeline-title">
        {t('caseWork.timeline.title')}
      </Heading>
      <Paragraph>{t('caseWork.timeline.intro')}</Paragraph>
      <SelectField
        id="case-timeline-filter"
        label={t('caseWork.timeline.filter')}
        required={false}
        value={category}
        onChange={(event) => setCategory(event.target.value as InformationCategory | '')}
        placeholder={t('caseWork.timeline.all')}
        options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
      />
      {timeline.isPending ? <Loading /> : null}
      {timeline.isError ? (
        <QueryFailure error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : null}
      {withheld > 0 ? <Paragraph>{t('caseWork.timeline.withheld', { count: withheld })}</Paragraph> : null}
      {timeline.data && entries.length === 0 ? <Paragraph>{t('caseWork.timeline.empty')}</Paragraph> : null}
      {entries.length > 0 ? (
        <Table caption={t('caseWork.timeline.caption')}>
          <TableHead
            columns={[
              t('caseWork.timeline.columns.at'),
              t('caseWork.timeline.columns.what'),
              t('caseWork.timeline.columns.category'),
              t('caseWork.timeline.columns.organisation'),
              t('caseWork.timeline.columns.by'),
            ]}
          />
          <TableBody>
            {entries.map((e) => (
              <Row key={e.id}>
                <RowHeader>{formatDateTime(e.at, language)}</RowHeader>
                <Cell>{timelineLabel(t, language, e)}</Cell>
                <Cell>{codeLabel(t, 'category', e.category)}</Cell>
                <Cell>{e.organisation ?? t('common.none')}</Cell>
                <Cell>{e.actor ?? t('caseWork.timeline.system')}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
