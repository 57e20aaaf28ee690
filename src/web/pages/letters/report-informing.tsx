import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { DataList } from '../../components/data-list.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { TextareaField } from '../../components/form-field.tsx';
import { Heading } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useInforming, useInformingActions } from './letters-api.ts';

const REASON_ID = 'informing-extension-reason';

/** Who has been told, the deadline for the household, and the two-week extension with a reason. */
export function ReportInforming({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const informing = useInforming(reportId);
  const { markInformed, extend } = useInformingActions(reportId);
  const [reason, setReason] = useState('');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const data = informing.data;
  if (!data) return null;
  const when = (value: string | null) => (value ? formatDateTime(value, language) : t('informing.notYet'));

  const server = serverErrors(
    extend.error,
    language,
    (path) => (path.startsWith('reason') ? { id: REASON_ID, label: t('informing.reason') } : null),
    { fieldInvalid: t('common.fieldInvalid'), unknownError: t('common.unknownError') },
  );
  const summary = clientSummary.length > 0 ? clientSummary : server.summary;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = reason.trim() ? [] : [{ fieldId: REASON_ID, message: t('informing.errors.reason') }];
    setClientSummary(found);
    if (found.length === 0) extend.mutate(reason.trim(), { onSuccess: () => setReason('') });
  }

  return (
    <section className="kring-section" aria-labelledby="informing-title">
      <Heading level={3} id="informing-title">
        {t('informing.title')}
      </Heading>
      <DataList
        items={[
          { key: 'reporter', label: t('informing.reporterInformed'), value: when(data.reporterInformedAt) },
          {
            key: 'household',
            label: t('informing.householdInformed'),
            value: when(data.householdInformedAt),
          },
          { key: 'due', label: t('informing.householdDue'), value: when(data.householdDueAt) },
          { key: 'extensions', label: t('informing.extensions'), value: String(data.extensions.length) },
        ]}
      />
      <ButtonGroup>
        {data.reporterInformedAt ? null : (
          <Button
            type="button"
            appearance="secondary"
            busy={markInformed.isPending}
            onClick={() => markInformed.mutate('reporter')}
          >
            {t('informing.markReporter')}
          </Button>
        )}
        {data.householdInformedAt ? null : (
          <Button
            type="button"
            appearance="secondary"
            busy={markInformed.isPending}
            onClick={() => markInformed.mutate('household')}
          >
            {t('informing.markHousehold')}
          </Button>
        )}
      </ButtonGroup>
      {data.householdInformedAt ? null : (
        <>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form">
            <TextareaField
              id={REASON_ID}
              label={t('informing.reason')}
              error={clientSummary[0]?.message ?? server.fields[REASON_ID]}
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <ButtonGroup>
              <Button type="submit" busy={extend.isPending}>
                {t('informing.extend')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}
