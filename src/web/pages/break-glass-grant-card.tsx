import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { BREAK_GLASS_VERDICTS, type BreakGlassVerdict } from '../api/codes.ts';
import type { BreakGlassGrantForReview } from '../api/types.ts';
import { Button, ButtonGroup } from '../components/button.tsx';
import { RadioGroup } from '../components/choice-group.tsx';
import { DataList } from '../components/data-list.tsx';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { TextareaField } from '../components/form-field.tsx';
import { Heading } from '../components/heading.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../lib/field-errors.ts';
import { formatDateTime } from '../lib/format.ts';

export function BreakGlassGrantCard({ grant }: { grant: BreakGlassGrantForReview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [verdict, setVerdict] = useState<BreakGlassVerdict | null>(null);
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const ids = { verdict: `grant-${grant.id}-verdict`, note: `grant-${grant.id}-note` };
  const firstVerdictId = `${ids.verdict}-${BREAK_GLASS_VERDICTS[0]}`;

  const review = useMutation({
    mutationFn: (input: { verdict: BreakGlassVerdict; note: string }) =>
      api.reviewBreakGlass(grant.id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['break-glass'] }),
  });

  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('verdict')) return { id: firstVerdictId, label: t('breakGlassReview.verdict') };
    if (path.startsWith('note')) return { id: ids.note, label: t('breakGlassReview.note') };
    return null;
  };
  const server = serverErrors(review.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const errorAt = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (review.isPending) return;
    const found: SummaryItem[] = [];
    if (!verdict) found.push({ fieldId: firstVerdictId, message: t('breakGlassReview.errors.verdict') });
    if (!note.trim()) found.push({ fieldId: ids.note, message: t('breakGlassReview.errors.note') });
    setClientErrors(found);
    if (verdict && found.length === 0) review.mutate({ verdict, note: note.trim() });
  }

  const headingId = `grant-${grant.id}-title`;
  return (
    <article className="kring-panel" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('breakGlassReview.grantTitle', {
          user: grant.user,
          date: formatDateTime(grant.grantedAt, language),
        })}
      </Heading>
      <DataList
        items={[
          { key: 'user', label: t('breakGlassReview.user'), value: `${grant.user} (${grant.username})` },
          { key: 'organisation', label: t('breakGlassReview.organisation'), value: grant.organisation },
          {
            key: 'record',
            label: t('breakGlassReview.record'),
            value: (
              <>
                {grant.recordType} <code className="utrecht-code kring-break-all">{grant.recordId}</code>
              </>
            ),
          },
          { key: 'reason', label: t('breakGlassReview.reason'), value: grant.reason, multiline: true },
          {
            key: 'granted',
            label: t('breakGlassReview.grantedAt'),
            value: formatDateTime(grant.grantedAt, language),
          },
          {
            key: 'expires',
            label: t('breakGlassReview.expiresAt'),
            value: formatDateTime(grant.expiresAt, language),
          },
          ...(grant.reviewedAt
            ? [
                {
                  key: 'review',
                  label: t('breakGlassReview.review'),
                  value: (
                    <>
                      <StatusBadge variant={grant.verdict === 'justified' ? 'success' : 'danger'}>
                        {codeLabel(t, 'verdict', grant.verdict ?? '')}
                      </StatusBadge>{' '}
                      {formatDateTime(grant.reviewedAt, language)} – {grant.reviewNote}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {grant.reviewedAt ? null : (
        <>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form">
            <RadioGroup
              id={ids.verdict}
              legend={t('breakGlassReview.verdict')}
              error={errorAt(firstVerdictId)}
              choices={BREAK_GLASS_VERDICTS.map((value) => ({
                value,
                label: codeLabel(t, 'verdict', value),
              }))}
              value={verdict}
              onChange={setVerdict}
            />
            <TextareaField
              id={ids.note}
              label={t('breakGlassReview.note')}
              error={errorAt(ids.note)}
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <ButtonGroup>
              <Button type="submit" busy={review.isPending}>
                {t('breakGlassReview.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </article>
  );
}
