import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/cases-api.ts';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { casePath } from './case-paths.ts';
import { SafetyPlanForm } from './safety-plan-form.tsx';

/** The safety plan (veiligheidsplan): the current version, its history, and a form for a new version. */
export function CaseSafetyPlan({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = kase.safetyPlan;
  return (
    <section className="kring-section" aria-labelledby="case-plan-title">
      <Heading level={2} id="case-plan-title">
        {t('cases.plan.title')}
      </Heading>
      {plan ? (
        <>
          <Paragraph>
            <StatusBadge variant={plan.status === 'agreed' ? 'success' : 'warning'}>
              {t(`cases.plan.statuses.${plan.status}`)}
            </StatusBadge>{' '}
            {t('cases.plan.versionLine', {
              version: plan.version,
              by: plan.changedBy,
              date: formatDateTime(plan.changedAt, language),
            })}
          </Paragraph>
          <Paragraph>
            <AppLink to={`${casePath(kase.id)}/veiligheidsplan`}>{t('caseSafetyPlanPrint.link')}</AppLink>
          </Paragraph>
          <Heading level={3}>{t('cases.plan.conditions')}</Heading>
          <ul className="utrecht-unordered-list">
            {plan.conditions.map((c) => (
              <li key={c} className="utrecht-unordered-list__item">
                {c}
              </li>
            ))}
          </ul>
          {plan.agreements.length > 0 ? (
            <Table caption={t('cases.plan.agreementsCaption')}>
              <TableHead
                columns={[
                  t('cases.plan.agreement'),
                  t('cases.assessment.owner'),
                  t('cases.assessment.dueOn'),
                  t('cases.plan.status'),
                ]}
              />
              <TableBody>
                {plan.agreements.map((a) => (
                  <Row key={`${a.description}-${a.ownerUserId}`}>
                    <RowHeader>{a.description}</RowHeader>
                    <Cell>{a.owner}</Cell>
                    <Cell>{formatCalendarDate(a.dueOn, language)}</Cell>
                    <Cell>{t(`cases.plan.agreementStatuses.${a.status}`)}</Cell>
                  </Row>
                ))}
              </TableBody>
            </Table>
          ) : null}
          <Heading level={3}>{t('cases.plan.ifItGoesWrong')}</Heading>
          <p className="utrecht-paragraph kring-prewrap">{plan.ifItGoesWrong}</p>
          <Table caption={t('cases.plan.versionsCaption')}>
            <TableHead
              columns={[
                t('cases.plan.version'),
                t('cases.plan.status'),
                t('cases.phase.by'),
                t('cases.phase.at'),
                t('cases.plan.changeNote'),
              ]}
            />
            <TableBody>
              {kase.safetyPlanVersions.map((v) => (
                <Row key={v.version}>
                  <RowHeader>{v.version}</RowHeader>
                  <Cell>{t(`cases.plan.statuses.${v.status}`)}</Cell>
                  <Cell>
                    {v.changedBy} ({v.organisation})
                  </Cell>
                  <Cell>{formatDateTime(v.changedAt, language)}</Cell>
                  <Cell>{v.changeNote ?? t('common.none')}</Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        </>
      ) : (
        <Paragraph>{t('cases.plan.none')}</Paragraph>
      )}
      <SafetyPlanForm kase={kase} />
    </section>
  );
}
