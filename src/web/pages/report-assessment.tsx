import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { DataList, type DataListItem } from '../components/data-list.tsx';
import { Heading, Paragraph } from '../components/heading.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { formatDateTime } from '../lib/format.ts';
import { ReportAssessmentForm } from './report-assessment-form.tsx';

function AssessmentView({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const items: DataListItem[] = [
    {
      key: 'assessedAt',
      label: t('assessment.assessedAt'),
      value: formatDateTime(assessment.assessedAt, language),
    },
    { key: 'onTime', label: t('assessment.onTime'), value: yesNo(assessment.onTime) },
  ];
  // The reporter sees which route was taken, not Veilig Thuis' weighing (those fields are null).
  if (assessment.acuteUnsafety !== null)
    items.push({
      key: 'acute',
      label: t('assessment.acuteUnsafety'),
      value: yesNo(assessment.acuteUnsafety),
    });
  if (assessment.structuralUnsafety !== null)
    items.push({
      key: 'structural',
      label: t('assessment.structuralUnsafety'),
      value: yesNo(assessment.structuralUnsafety),
    });
  items.push({ key: 'route', label: t('assessment.route'), value: codeLabel(t, 'route', assessment.route) });
  if (assessment.reason !== null)
    items.push({
      key: 'reason',
      label: t('assessment.reason'),
      value: <span className="kring-prewrap">{assessment.reason}</span>,
      multiline: true,
    });
  if (assessment.investigationStartBy)
    items.push({
      key: 'startBy',
      label: t('assessment.investigationStartBy'),
      value: formatDateTime(assessment.investigationStartBy, language),
    });
  if (assessment.investigationConcludeBy)
    items.push({
      key: 'concludeBy',
      label: t('assessment.investigationConcludeBy'),
      value: formatDateTime(assessment.investigationConcludeBy, language),
    });
  return <DataList items={items} />;
}

type Notice = 'recorded' | 'alreadyAssessed';

/**
 * The safety assessment of a report: shown to everyone who may read the report once it is recorded;
 * before that, the form for Veilig Thuis (`canAssess`) and nothing for anyone else.
 */
export function ReportAssessment({
  reportId,
  assessment,
  canAssess,
}: {
  reportId: string;
  assessment: Assessment | null;
  canAssess: boolean;
}) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // The form disappears when it succeeds: move focus to the outcome so it is not lost.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!assessment && !canAssess) return null;
  return (
    <section className={assessment ? 'kring-section' : 'kring-section kring-panel'}>
      <Heading level={2} id="assessment-title">
        {t('assessment.title')}
      </Heading>
      {notice ? (
        <Alert
          ref={noticeRef}
          type={notice === 'recorded' ? 'ok' : 'warning'}
          live={notice === 'recorded' ? 'status' : 'alert'}
        >
          <Paragraph>{t(`assessment.${notice}`)}</Paragraph>
        </Alert>
      ) : null}
      {assessment ? (
        <AssessmentView assessment={assessment} />
      ) : (
        <ReportAssessmentForm
          reportId={reportId}
          onRecorded={() => setNotice('recorded')}
          onAlreadyAssessed={() => setNotice('alreadyAssessed')}
        />
      )}
    </section>
  );
}
