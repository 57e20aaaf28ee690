import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { caseKeys, casesApi } from '../../api/cases-api.ts';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { serverErrors } from '../../lib/field-errors.ts';
import { casePath } from './case-paths.ts';

/** On a report: go to the household's case, or open it (attaching to the household's open case). */
export function ReportCaseSection({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const link = useQuery({
    queryKey: caseKeys.ofReport(reportId),
    queryFn: () => casesApi.ofReport(reportId),
  });
  const open = useMutation({
    mutationFn: () => casesApi.open(reportId),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      await navigate(casePath(result.id));
    },
  });
  const errors = serverErrors(open.error, language, () => null, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  if (!link.data || (!link.data.caseId && !link.data.canOpen)) return null;
  return (
    <section className="kring-section kring-panel" aria-labelledby="report-case-title">
      <Heading level={2} id="report-case-title">
        {t('cases.fromReport.title')}
      </Heading>
      {link.data.caseId ? (
        <Paragraph>
          <AppLink to={casePath(link.data.caseId)}>
            {t('cases.fromReport.goTo', { reference: link.data.reference })}
          </AppLink>
        </Paragraph>
      ) : (
        <>
          <Paragraph>{t('cases.fromReport.explain')}</Paragraph>
          <ErrorSummary items={errors.summary} />
          <ButtonGroup>
            <Button type="button" busy={open.isPending} onClick={() => open.mutate()}>
              {t('cases.fromReport.open')}
            </Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
