import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.ts';
import { ROUTES, type Route } from '../api/codes.ts';
import { queryKeys } from '../api/queries.ts';
import type { AssessmentInput } from '../api/types.ts';
import { Button, ButtonGroup } from '../components/button.tsx';
import { RadioGroup } from '../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { SelectField, TextareaField } from '../components/form-field.tsx';
import { Paragraph } from '../components/heading.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../lib/field-errors.ts';

/** The server's minimum (checkRouteDecision); checked here too so the user hears it before sending. */
export const MIN_ASSESSMENT_REASON_LENGTH = 10;

const YES_NO = ['yes', 'no'] as const;
type YesNo = (typeof YES_NO)[number];

const ID = {
  acute: 'assessment-acute',
  structural: 'assessment-structural',
  route: 'assessment-route',
  reason: 'assessment-reason',
} as const;
/** Groups are reached through their first input (error links, focus). */
const acuteFirstId = `${ID.acute}-${YES_NO[0]}`;
const structuralFirstId = `${ID.structural}-${YES_NO[0]}`;

interface Draft {
  acute: YesNo | null;
  structural: YesNo | null;
  route: Route | '';
  reason: string;
}

/**
 * Veilig Thuis records the safety assessment with a reasoned route. The parent shows the outcome:
 * after success (or when someone else was first) the report is loaded again and carries the assessment.
 */
export function ReportAssessmentForm({
  reportId,
  onRecorded,
  onAlreadyAssessed,
}: {
  reportId: string;
  onRecorded: () => void;
  onAlreadyAssessed: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({ acute: null, structural: null, route: '', reason: '' });
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);

  const refresh = async () => {
    // The report leaves the queue and counts in the figures; the report itself must show the result.
    void queryClient.invalidateQueries({ queryKey: queryKeys.queue });
    void queryClient.invalidateQueries({ queryKey: queryKeys.assessmentFigures });
    await queryClient.invalidateQueries({ queryKey: queryKeys.report(reportId) });
  };

  const assess = useMutation({
    mutationFn: (input: AssessmentInput) => api.assessReport(reportId, input),
    onSuccess: async () => {
      await refresh();
      onRecorded();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        await refresh();
        onAlreadyAssessed();
      }
    },
  });

  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('acuteUnsafety')) return { id: acuteFirstId, label: t('assessment.acute') };
    if (path.startsWith('structuralUnsafety'))
      return { id: structuralFirstId, label: t('assessment.structural') };
    if (path.startsWith('route')) return { id: ID.route, label: t('assessment.route') };
    if (path.startsWith('reason')) return { id: ID.reason, label: t('assessment.reason') };
    return null;
  };
  const server = serverErrors(assess.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const clientErrors: Record<string, string> = {};
  for (const item of clientSummary)
    if (item.fieldId && clientErrors[item.fieldId] === undefined) clientErrors[item.fieldId] = item.message;
  const errors: Record<string, string | undefined> = clientSummary.length > 0 ? clientErrors : server.fields;
  const summary = clientSummary.length > 0 ? clientSummary : server.summary;

  function validate(): SummaryItem[] {
    const found: SummaryItem[] = [];
    if (draft.acute === null) found.push({ fieldId: acuteFirstId, message: t('assessment.errors.acute') });
    if (draft.structural === null)
      found.push({ fieldId: structuralFirstId, message: t('assessment.errors.structural') });
    if (!draft.route) found.push({ fieldId: ID.route, message: t('assessment.errors.route') });
    if (draft.reason.trim().length < MIN_ASSESSMENT_REASON_LENGTH)
      found.push({
        fieldId: ID.reason,
        message: t('assessment.errors.reason', { min: MIN_ASSESSMENT_REASON_LENGTH }),
      });
    return found;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (assess.isPending) return;
    const found = validate();
    setClientSummary(found);
    if (found.length > 0 || draft.route === '') return;
    assess.mutate({
      acuteUnsafety: draft.acute === 'yes',
      structuralUnsafety: draft.structural === 'yes',
      route: draft.route,
      reason: draft.reason.trim(),
    });
  }

  const yesNo = YES_NO.map((value) => ({ value, label: value === 'yes' ? t('common.yes') : t('common.no') }));

  return (
    <>
      <Paragraph className="kring-assessment__intro">{t('assessment.intro')}</Paragraph>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form">
        <RadioGroup
          id={ID.acute}
          legend={t('assessment.acute')}
          error={errors[acuteFirstId]}
          choices={yesNo}
          value={draft.acute}
          onChange={(acute) => update({ acute })}
        />
        <RadioGroup
          id={ID.structural}
          legend={t('assessment.structural')}
          error={errors[structuralFirstId]}
          choices={yesNo}
          value={draft.structural}
          onChange={(structural) => update({ structural })}
        />
        <SelectField
          id={ID.route}
          label={t('assessment.route')}
          description={t('assessment.routeHelp')}
          placeholder={t('assessment.routePlaceholder')}
          error={errors[ID.route]}
          value={draft.route}
          onChange={(event) => update({ route: event.target.value as Route | '' })}
          options={ROUTES.map((route) => ({ value: route, label: codeLabel(t, 'route', route) }))}
        />
        <TextareaField
          id={ID.reason}
          label={t('assessment.reason')}
          description={t('assessment.reasonHelp', { min: MIN_ASSESSMENT_REASON_LENGTH })}
          error={errors[ID.reason]}
          rows={5}
          maxLength={5000}
          value={draft.reason}
          onChange={(event) => update({ reason: event.target.value })}
        />
        <ButtonGroup>
          <Button type="submit" busy={assess.isPending}>
            {t('assessment.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
