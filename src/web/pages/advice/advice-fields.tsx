import { useTranslation } from 'react-i18next';
import { type AdviceBase, VIOLENCE_DURATIONS, type ViolenceDuration } from '../../api/advice-api.ts';
import type { ApiError } from '../../api/client.ts';
import { VIOLENCE_KINDS, type ViolenceKind } from '../../api/codes.ts';
import { CheckboxGroup, RadioGroup } from '../../components/choice-group.tsx';
import type { SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, type SelectOption, TextareaField } from '../../components/form-field.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { adviceLabel } from './labels.ts';

/** What the advice forms hold for the shared fields; the duration is unset until chosen. */
export interface AdviceDraft {
  municipalityCode: string;
  violenceKinds: ViolenceKind[];
  violenceDuration: ViolenceDuration | null;
  question: string;
}

export const emptyAdviceDraft = (): AdviceDraft => ({
  municipalityCode: '',
  violenceKinds: [],
  violenceDuration: null,
  question: '',
});

/** Ids of the shared fields under a form's prefix; groups are reached through their first input. */
export function adviceFieldIds(prefix: string) {
  return {
    municipality: `${prefix}-municipality`,
    kinds: `${prefix}-kinds`,
    kindsFirst: `${prefix}-kinds-${VIOLENCE_KINDS[0]}`,
    duration: `${prefix}-duration`,
    durationFirst: `${prefix}-duration-${VIOLENCE_DURATIONS[0]}`,
    question: `${prefix}-question`,
  };
}

export interface AdviceFieldTexts {
  municipality: string;
  municipalityDescription?: string;
  kinds: string;
  kindsDescription?: string;
  duration: string;
  question: string;
  questionDescription?: string;
}

/** Gemeente, soort geweld, duur en vraag: the fields every advice form has. */
export function AdviceFields({
  prefix,
  draft,
  errors,
  municipalities,
  texts,
  onChange,
}: {
  prefix: string;
  draft: AdviceDraft;
  errors: Record<string, string | undefined>;
  municipalities: SelectOption[];
  texts: AdviceFieldTexts;
  onChange: (patch: Partial<AdviceDraft>) => void;
}) {
  const { t } = useTranslation();
  const ids = adviceFieldIds(prefix);
  return (
    <>
      <SelectField
        id={ids.municipality}
        label={texts.municipality}
        description={texts.municipalityDescription}
        placeholder={t('advice.form.municipalityPlaceholder')}
        error={errors[ids.municipality]}
        value={draft.municipalityCode}
        onChange={(event) => onChange({ municipalityCode: event.target.value })}
        options={municipalities}
      />
      <CheckboxGroup
        id={ids.kinds}
        legend={texts.kinds}
        description={texts.kindsDescription}
        error={errors[ids.kindsFirst]}
        choices={VIOLENCE_KINDS.map((kind) => ({ value: kind, label: codeLabel(t, 'violenceKind', kind) }))}
        values={draft.violenceKinds}
        onChange={(violenceKinds) => onChange({ violenceKinds })}
      />
      <RadioGroup
        id={ids.duration}
        legend={texts.duration}
        error={errors[ids.durationFirst]}
        choices={VIOLENCE_DURATIONS.map((d) => ({ value: d, label: adviceLabel(t, 'duration', d) }))}
        value={draft.violenceDuration}
        onChange={(violenceDuration) => onChange({ violenceDuration })}
      />
      <TextareaField
        id={ids.question}
        label={texts.question}
        description={texts.questionDescription}
        error={errors[ids.question]}
        rows={6}
        maxLength={5000}
        value={draft.question}
        onChange={(event) => onChange({ question: event.target.value })}
      />
    </>
  );
}

/** Client checks of the shared fields; the server repeats them and decides. */
export function validateAdviceFields(
  prefix: string,
  draft: AdviceDraft,
  messages: { municipality: string; kinds: string; duration: string; question: string },
): SummaryItem[] {
  const ids = adviceFieldIds(prefix);
  const found: SummaryItem[] = [];
  if (!draft.municipalityCode) found.push({ fieldId: ids.municipality, message: messages.municipality });
  if (draft.violenceKinds.length === 0) found.push({ fieldId: ids.kindsFirst, message: messages.kinds });
  if (!draft.violenceDuration) found.push({ fieldId: ids.durationFirst, message: messages.duration });
  if (!draft.question.trim()) found.push({ fieldId: ids.question, message: messages.question });
  return found;
}

/** The shared fields as the API takes them (call after validation). */
export function adviceBase(draft: AdviceDraft): AdviceBase {
  return {
    municipalityCode: draft.municipalityCode,
    violenceKinds: draft.violenceKinds,
    violenceDuration: draft.violenceDuration ?? 'unknown',
    question: draft.question.trim(),
  };
}

/** Maps the server's paths for the shared fields to their ids and labels. */
export function adviceFieldRef(prefix: string, texts: AdviceFieldTexts, path: string): FieldRef | null {
  const ids = adviceFieldIds(prefix);
  if (path.startsWith('municipalityCode')) return { id: ids.municipality, label: texts.municipality };
  if (path.startsWith('violenceKinds')) return { id: ids.kindsFirst, label: texts.kinds };
  if (path.startsWith('violenceDuration')) return { id: ids.durationFirst, label: texts.duration };
  if (path.startsWith('question')) return { id: ids.question, label: texts.question };
  return null;
}

/**
 * Errors of a form: the client's own checks while they fail, otherwise the server's. Returns the
 * message per field id and the lines of the error summary.
 */
export function useFormErrors(
  clientSummary: SummaryItem[],
  serverError: ApiError | Error | null,
  fieldRef: (path: string) => FieldRef | null,
) {
  const { t } = useTranslation();
  const language = useLanguage();
  const server = serverErrors(serverError, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const client: Record<string, string> = {};
  for (const item of clientSummary)
    if (item.fieldId && !client[item.fieldId]) client[item.fieldId] = item.message;
  const errors: Record<string, string | undefined> = { ...server.fields, ...client };
  const summary = clientSummary.length > 0 ? clientSummary : server.summary;
  return { errors, summary };
}
