import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import { Button, ButtonGroup } from '../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { TextareaField } from '../components/form-field.tsx';
import { Heading, Paragraph } from '../components/heading.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../lib/field-errors.ts';

const REASON_ID = 'break-glass-reason';
export const MIN_REASON_LENGTH = 20;

/**
 * Emergency access to one report: a written reason, audited, reviewed by the privacy officer and
 * valid for one hour. On success the report is loaded again.
 */
export function BreakGlassForm({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);

  const request = useMutation({
    mutationFn: (text: string) => api.breakGlass({ recordType: 'report', recordId: reportId, reason: text }),
    onSuccess: () => queryClient.resetQueries({ queryKey: queryKeys.report(reportId) }),
  });

  const fieldRef = (path: string): FieldRef | null =>
    path.startsWith('reason') ? { id: REASON_ID, label: t('breakGlass.reason') } : null;
  const server = serverErrors(request.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary: SummaryItem[] = clientError
    ? [{ fieldId: REASON_ID, message: clientError }]
    : server.summary;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (request.isPending) return;
    const text = reason.trim();
    if (text.length < MIN_REASON_LENGTH) {
      setClientError(t('breakGlass.errors.reason', { min: MIN_REASON_LENGTH }));
      return;
    }
    setClientError(null);
    request.mutate(text);
  }

  return (
    <section className="kring-section kring-panel">
      <Heading level={2} id="break-glass-title">
        {t('breakGlass.title')}
      </Heading>
      <Paragraph>{t('breakGlass.intro')}</Paragraph>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form">
        <TextareaField
          id={REASON_ID}
          label={t('breakGlass.reason')}
          description={t('breakGlass.reasonHelp', { min: MIN_REASON_LENGTH })}
          error={clientError ?? server.fields[REASON_ID]}
          rows={4}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={request.isPending}>
            {t('breakGlass.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
