import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdviceRequest, useAnswerAdvice } from '../../api/advice-api.ts';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { TextareaField } from '../../components/form-field.tsx';
import { Heading } from '../../components/heading.tsx';
import { AdviceDetails } from './advice-details.tsx';
import { useFormErrors } from './advice-fields.tsx';

/** One open advice request with the form in which Veilig Thuis records its advice. */
export function AnswerAdvice({
  request,
  onAnswered,
}: {
  request: AdviceRequest;
  onAnswered: (reference: string) => void;
}) {
  const { t } = useTranslation();
  const answer = useAnswerAdvice();
  const [text, setText] = useState('');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const fieldId = `advice-answer-${request.id}`;
  const titleId = `advice-${request.id}-title`;
  const { errors, summary } = useFormErrors(clientSummary, answer.error, (path) =>
    path.startsWith('answer') ? { id: fieldId, label: t('advice.vt.answer') } : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (answer.isPending) return;
    const found: SummaryItem[] = text.trim() ? [] : [{ fieldId, message: t('advice.errors.answer') }];
    setClientSummary(found);
    if (found.length > 0) return;
    answer.mutate(
      { id: request.id, answer: text.trim() },
      { onSuccess: () => onAnswered(request.reference) },
    );
  }

  return (
    <div id={`advice-${request.id}`} className="kring-panel" tabIndex={-1}>
      <Heading level={3} id={titleId}>
        {t('advice.list.itemTitle', { reference: request.reference })}
      </Heading>
      <AdviceDetails request={request} withAsker />
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby={titleId}>
        <TextareaField
          id={fieldId}
          label={t('advice.vt.answer')}
          description={t('advice.vt.answerDescription')}
          error={errors[fieldId]}
          rows={5}
          maxLength={5000}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={answer.isPending}>
            {t('advice.vt.answerSubmit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
