import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '../../api/types.ts';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { TextareaField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import {
  INVESTIGATION_OUTCOMES,
  type InvestigationOutcome,
  useConcludeInvestigation,
} from './letters-api.ts';

const ID = { outcome: 'investigation-outcome', conclusion: 'investigation-conclusion' } as const;
const outcomeFirstId = `${ID.outcome}-${INVESTIGATION_OUTCOMES[0]}`;

/** Veilig Thuis concludes its own investigation: confirmed, not confirmed or refuted. */
export function ReportInvestigation({ report, canConclude }: { report: ReportDetail; canConclude: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const conclude = useConcludeInvestigation(report.id);
  const [outcome, setOutcome] = useState<InvestigationOutcome | null>(null);
  const [conclusion, setConclusion] = useState('');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const assessment = report.assessment;
  if (!assessment || assessment.route !== 'investigation') return null;

  if (assessment.investigationOutcome) {
    return (
      <section className="kring-section" aria-labelledby="investigation-title">
        <Heading level={2} id="investigation-title">
          {t('investigation.title')}
        </Heading>
        <Paragraph>
          {t('investigation.concluded', {
            outcome: t(`investigation.outcomes.${assessment.investigationOutcome}`),
            date: assessment.investigationConcludedAt
              ? formatDateTime(assessment.investigationConcludedAt, language)
              : '',
          })}
        </Paragraph>
      </section>
    );
  }
  if (!canConclude) return null;

  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('outcome')) return { id: outcomeFirstId, label: t('investigation.outcome') };
    if (path.startsWith('conclusion')) return { id: ID.conclusion, label: t('investigation.conclusion') };
    return null;
  };
  const server = serverErrors(conclude.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientSummary.length > 0 ? clientSummary : server.summary;
  const errorFor = (id: string) => clientSummary.find((s) => s.fieldId === id)?.message ?? server.fields[id];

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: SummaryItem[] = [];
    if (!outcome) found.push({ fieldId: outcomeFirstId, message: t('investigation.errors.outcome') });
    if (!conclusion.trim())
      found.push({ fieldId: ID.conclusion, message: t('investigation.errors.conclusion') });
    setClientSummary(found);
    if (found.length > 0 || !outcome) return;
    conclude.mutate({ outcome, conclusion: conclusion.trim() });
  }

  return (
    <section className="kring-section kring-panel" aria-labelledby="investigation-title">
      <Heading level={2} id="investigation-title">
        {t('investigation.title')}
      </Heading>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form">
        <RadioGroup
          id={ID.outcome}
          legend={t('investigation.outcome')}
          error={errorFor(outcomeFirstId)}
          choices={INVESTIGATION_OUTCOMES.map((value) => ({
            value,
            label: t(`investigation.outcomes.${value}`),
          }))}
          value={outcome}
          onChange={setOutcome}
        />
        <TextareaField
          id={ID.conclusion}
          label={t('investigation.conclusion')}
          error={errorFor(ID.conclusion)}
          rows={4}
          maxLength={5000}
          value={conclusion}
          onChange={(event) => setConclusion(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={conclude.isPending}>
            {t('investigation.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
