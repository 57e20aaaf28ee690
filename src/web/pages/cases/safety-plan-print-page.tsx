import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CaseDetail, caseKeys, casesApi } from '../../api/cases-api.ts';
import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatCalendarDate, todayInAmsterdam } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { VEILIG_THUIS_PHONE } from '../advice/paths.ts';
import { casePath } from './case-paths.ts';
import './safety-plan-print.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plan in plain Dutch (B1): short sentences, "je", no jargon, no roles or numbers of people. */
function PlanForHousehold({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = kase.safetyPlan;
  if (!plan) return <Paragraph>{t('caseSafetyPlanPrint.none')}</Paragraph>;
  return (
    <>
      <Paragraph className="kring-plan-print__lead">{t('caseSafetyPlanPrint.intro')}</Paragraph>
      <Paragraph>{t('caseSafetyPlanPrint.forWhom')}</Paragraph>
      <ul className="kring-plan-print__list">
        {kase.members.map((m) => (
          <li key={m.id}>{m.fullName}</li>
        ))}
      </ul>
      <Paragraph>
        {plan.status === 'agreed' ? t('caseSafetyPlanPrint.agreed') : t('caseSafetyPlanPrint.draft')}
      </Paragraph>

      <Heading level={2}>{t('caseSafetyPlanPrint.conditionsTitle')}</Heading>
      <Paragraph>{t('caseSafetyPlanPrint.conditionsIntro')}</Paragraph>
      <ul className="kring-plan-print__list">
        {plan.conditions.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>

      {plan.agreements.length > 0 ? (
        <>
          <Heading level={2}>{t('caseSafetyPlanPrint.agreementsTitle')}</Heading>
          <Table caption={t('caseSafetyPlanPrint.agreementsCaption')}>
            <TableHead
              columns={[
                t('caseSafetyPlanPrint.what'),
                t('caseSafetyPlanPrint.who'),
                t('caseSafetyPlanPrint.when'),
                t('caseSafetyPlanPrint.state'),
              ]}
            />
            <TableBody>
              {plan.agreements.map((a) => (
                <Row key={`${a.description}-${a.ownerUserId}-${a.dueOn}`}>
                  <RowHeader>{a.description}</RowHeader>
                  <Cell>{a.owner}</Cell>
                  <Cell>{formatCalendarDate(a.dueOn, language)}</Cell>
                  <Cell>{t(`caseSafetyPlanPrint.agreementStatuses.${a.status}`)}</Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}

      <Heading level={2}>{t('caseSafetyPlanPrint.wrongTitle')}</Heading>
      <Paragraph>{t('caseSafetyPlanPrint.wrongIntro')}</Paragraph>
      <p className="utrecht-paragraph kring-prewrap">{plan.ifItGoesWrong}</p>

      <div className="kring-plan-print__help">
        <Heading level={2}>{t('caseSafetyPlanPrint.helpTitle')}</Heading>
        <Paragraph className="kring-plan-print__danger">{t('caseSafetyPlanPrint.danger')}</Paragraph>
        <Paragraph>{t('caseSafetyPlanPrint.veiligThuis', { phone: VEILIG_THUIS_PHONE.text })}</Paragraph>
        <Paragraph>
          {t('caseSafetyPlanPrint.contact', {
            name: kase.coordinator.name,
            organisation: kase.coordinator.organisation,
          })}
        </Paragraph>
      </div>
      <Paragraph className="kring-plan-print__meta">
        {t('caseSafetyPlanPrint.version', {
          version: plan.version,
          date: formatCalendarDate(todayInAmsterdam(new Date(plan.changedAt)), language),
        })}
      </Paragraph>
      <ButtonGroup>
        <Button type="button" onClick={() => window.print()}>
          {t('caseSafetyPlanPrint.print')}
        </Button>
      </ButtonGroup>
    </>
  );
}

/** /casussen/:id/veiligheidsplan — the latest safety plan, for the household, to print. */
export function SafetyPlanPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const validId = UUID.test(id);
  const kase = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => casesApi.get(id), enabled: validId });
  const notFound = !validId || (kase.error instanceof ApiError && kase.error.status === 404);
  usePageTitle(notFound ? t('caseSafetyPlanPrint.notFoundTitle') : t('caseSafetyPlanPrint.pageTitle'));
  if (notFound) {
    return (
      <>
        <PageHeading>{t('caseSafetyPlanPrint.notFoundTitle')}</PageHeading>
        <Alert type="info">
          <Paragraph>{t('caseSafetyPlanPrint.notFound')}</Paragraph>
        </Alert>
      </>
    );
  }
  return (
    <div className="kring-plan-print">
      <Paragraph className="kring-plan-print__screen-only">
        <AppLink to={casePath(id)}>{t('caseSafetyPlanPrint.back')}</AppLink>
      </Paragraph>
      <PageHeading>{t('caseSafetyPlanPrint.title')}</PageHeading>
      {kase.isPending ? <Loading /> : null}
      {kase.isError ? <QueryFailure error={kase.error} onRetry={() => void kase.refetch()} /> : null}
      {kase.data ? <PlanForHousehold kase={kase.data} /> : null}
    </div>
  );
}
