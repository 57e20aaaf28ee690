import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  type MeldcodeDetail,
  type MeldcodeStepId,
  meldcodeApi,
  meldcodeKeys,
} from '../../api/meldcode-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { DataList } from '../../components/data-list.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { paths } from '../../paths.ts';
import { useFormErrors, useStepMutation } from './meldcode-form-support.ts';
import { ConsultStep, SignalsStep, TalkStep } from './meldcode-step-forms.tsx';
import { DecisionStep, WeighingStep } from './meldcode-weighing.tsx';

const STEP_COMPONENTS: Record<MeldcodeStepId, (props: { record: MeldcodeDetail }) => React.ReactNode> = {
  map_signals: SignalsStep,
  consult: ConsultStep,
  talk_with_client: TalkStep,
  weigh: WeighingStep,
  decide: DecisionStep,
};

function RecordSummary({ record }: { record: MeldcodeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="kring-section" aria-labelledby="meldcode-summary-title">
      <Heading level={2} id="meldcode-summary-title">
        {t('meldcode.record.summary')}
      </Heading>
      <DataList
        items={[
          { key: 'organisation', label: t('meldcode.record.organisation'), value: record.organisation },
          { key: 'author', label: t('meldcode.record.author'), value: record.author },
          { key: 'municipality', label: t('meldcode.record.municipality'), value: record.municipalityName },
          {
            key: 'created',
            label: t('meldcode.record.created'),
            value: formatDateTime(record.createdAt, language),
          },
          {
            key: 'kinds',
            label: t('meldcode.record.violenceKinds'),
            value: record.violenceKinds.map((k) => codeLabel(t, 'violenceKind', k)).join(', '),
          },
        ]}
      />
      <Table caption={t('meldcode.record.personsCaption')}>
        <TableHead
          columns={[t('meldcode.new.fullName'), t('meldcode.new.dateOfBirth'), t('meldcode.new.role')]}
        />
        <TableBody>
          {record.persons.map((p, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: persons keep their position in the record
            <Row key={index}>
              <RowHeader>
                {p.fullName}
                {index === record.clientIndex ? ` (${t('meldcode.record.isClient')})` : ''}
              </RowHeader>
              <Cell>{formatCalendarDate(p.dateOfBirth, language)}</Cell>
              <Cell>{codeLabel(t, 'personRole', p.role)}</Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function ReportSection({ record }: { record: MeldcodeDetail }) {
  const { t } = useTranslation();
  const send = useStepMutation(() => meldcodeApi.report(record.id));
  const { summary } = useFormErrors(send.error, [], () => null);
  if (record.decision?.outcome !== 'report') return null;
  return (
    <section className="kring-section" aria-labelledby="meldcode-report-title">
      <Heading level={2} id="meldcode-report-title">
        {t('meldcode.report.title')}
      </Heading>
      {record.report ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('meldcode.report.done', { reference: record.report.reference })}</Paragraph>
          <Paragraph>
            <AppLink to={paths.report(record.report.id)}>
              {t('meldcode.report.view', { reference: record.report.reference })}
            </AppLink>
          </Paragraph>
        </Alert>
      ) : record.canWrite ? (
        <>
          <Paragraph>{t('meldcode.report.intro')}</Paragraph>
          <ErrorSummary items={summary} />
          <ButtonGroup>
            <Button
              type="button"
              busy={send.isPending}
              onClick={() => !send.isPending && send.mutate(undefined)}
            >
              {t('meldcode.report.submit')}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
    </section>
  );
}

export function MeldcodeRecordPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: meldcodeKeys.record(id), queryFn: () => meldcodeApi.get(id) });
  const record = query.data;
  usePageTitle(record ? t('meldcode.record.title', { name: record.clientName }) : t('meldcode.list.title'));
  if (!record)
    return (
      <>
        <PageHeading>{t('meldcode.list.title')}</PageHeading>
        {query.isPending ? <Loading /> : null}
        {query.isError ? <QueryFailure error={query.error} onRetry={() => void query.refetch()} /> : null}
      </>
    );
  return (
    <>
      <PageHeading>{t('meldcode.record.title', { name: record.clientName })}</PageHeading>
      {record.report ? (
        <Paragraph>{t('meldcode.record.fixed')}</Paragraph>
      ) : !record.canWrite ? (
        <Paragraph>{t('meldcode.record.readOnly')}</Paragraph>
      ) : null}
      <RecordSummary record={record} />
      <section className="kring-section" aria-labelledby="meldcode-steps-title">
        <Heading level={2} id="meldcode-steps-title">
          {t('meldcode.record.stepsTitle')}
        </Heading>
        <ol className="utrecht-ordered-list">
          {record.steps.map((step) => (
            <li key={step.id} className="utrecht-ordered-list__item">
              <a className="utrecht-link utrecht-link--html-a" href={`#meldcode-step-${step.id}`}>
                {step.text[language]}
              </a>{' '}
              ({step.done ? t('meldcode.record.stepDone') : t('meldcode.record.stepOpen')})
            </li>
          ))}
        </ol>
      </section>
      {record.steps.map((step) => {
        const Step = STEP_COMPONENTS[step.id];
        return (
          <section
            key={step.id}
            id={`meldcode-step-${step.id}`}
            className="kring-section"
            aria-labelledby={`meldcode-step-${step.id}-title`}
          >
            <Heading level={2} id={`meldcode-step-${step.id}-title`}>
              {t('meldcode.record.stepHeading', { number: step.number, text: step.text[language] })}
            </Heading>
            <Step record={record} />
          </section>
        );
      })}
      <ReportSection record={record} />
    </>
  );
}
