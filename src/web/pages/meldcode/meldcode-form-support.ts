import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meldcodeKeys } from '../../api/meldcode-api.ts';
import type { SummaryItem } from '../../components/error-summary.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';

/** A write to the record; afterwards the record and the list are read again. */
export function useStepMutation<I, R>(write: (input: I) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: meldcodeKeys.all });
      onDone?.(result);
    },
  });
}

/** Field messages and the summary for a form: the client's own checks first, else the server's. */
export function useFormErrors(
  error: unknown,
  clientSummary: SummaryItem[],
  fieldRef: (path: string) => FieldRef | null,
) {
  const { t } = useTranslation();
  const language = useLanguage();
  const server = serverErrors(error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  if (clientSummary.length === 0)
    return { errors: server.fields as Record<string, string | undefined>, summary: server.summary };
  const errors: Record<string, string | undefined> = {};
  for (const item of clientSummary)
    if (item.fieldId && !errors[item.fieldId]) errors[item.fieldId] = item.message;
  return { errors, summary: clientSummary };
}

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];
