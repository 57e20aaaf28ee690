import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSURE_REASONS,
  type ClosureReason,
  useClosureActions,
  useClosureOverview,
} from '../../api/case-closure-api.ts';
import type { CaseDetail } from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { closureLetterPath } from './closure-letter-page.tsx';

const ID = { reason: 'closure-reason', explanation: 'closure-explanation', reopen: 'reopen-reason' } as const;

/**
 * The reasoned closure: reason code and explanation; the phase rule (recent assessment at the
 * region's threshold) answers on the server and its refusal is shown in the error summary.
 */
type Actions = ReturnType<typeof useClosureActions>;

function CloseForm({ close }: { close: Actions['close'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [reasonCode, setReasonCode] = useState<ClosureReason | ''>('');
  const [explanation, setExplanation] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('reasonCode')) return { id: ID.reason, label: t('caseClosure.close.reason') };
    if (path.startsWith('explanation'))
      return { id: ID.explanation, label: t('caseClosure.close.explanation') };
    return null;
  };
  const server = serverErrors(close.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (close.isPending) return;
    const problems: SummaryItem[] = [];
    if (!reasonCode) problems.push({ fieldId: ID.reason, message: t('caseClosure.close.errors.reason') });
    if (!explanation.trim())
      problems.push({ fieldId: ID.explanation, message: t('caseClosure.close.errors.explanation') });
    setClientErrors(problems);
    if (problems.length > 0 || !reasonCode) return;
    close.mutate({ reasonCode, explanation: explanation.trim() });
  }

  return (
    <div className="kring-panel">
      <Heading level={3} id="closure-form-title">
        {t('caseClosure.close.formTitle')}
      </Heading>
      <Paragraph>{t('caseClosure.close.intro')}</Paragraph>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="closure-form-title">
        <SelectField
          id={ID.reason}
          label={t('caseClosure.close.reason')}
          error={fieldError(ID.reason)}
          value={reasonCode}
          placeholder={t('caseClosure.close.choose')}
          onChange={(event) => setReasonCode(event.target.value as ClosureReason | '')}
          options={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`caseClosure.close.reasons.${r}`) }))}
        />
        <TextareaField
          id={ID.explanation}
          label={t('caseClosure.close.explanation')}
          description={t('caseClosure.close.explanationHelp')}
          error={fieldError(ID.explanation)}
          rows={4}
          maxLength={2000}
          value={explanation}
          onChange={(event) => setExplanation(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={close.isPending}>
            {t('caseClosure.close.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function ReopenForm({ reopen }: { reopen: Actions['reopen'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const server = serverErrors(
    reopen.error,
    language,
    (path) => (path.startsWith('reason') ? { id: ID.reopen, label: t('caseClosure.reopen.reason') } : null),
    { fieldInvalid: t('common.fieldInvalid'), unknownError: t('common.unknownError') },
  );
  const summary: SummaryItem[] = clientError
    ? [{ fieldId: ID.reopen, message: clientError }]
    : server.summary;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reopen.isPending) return;
    if (!reason.trim()) {
      setClientError(t('caseClosure.reopen.errors.reason'));
      return;
    }
    setClientError(null);
    reopen.mutate({ reason: reason.trim() }, { onSuccess: () => setReason('') });
  }

  return (
    <div className="kring-panel">
      <Heading level={3} id="reopen-form-title">
        {t('caseClosure.reopen.formTitle')}
      </Heading>
      <Paragraph>{t('caseClosure.reopen.intro')}</Paragraph>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="reopen-form-title">
        <TextareaField
          id={ID.reopen}
          label={t('caseClosure.reopen.reason')}
          error={clientError ?? server.fields[ID.reopen]}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <ButtonGroup>
          <Button type="submit" busy={reopen.isPending}>
            {t('caseClosure.reopen.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** Close (from monitoring, coordinator or Veilig Thuis) or reopen (a closed case), whichever applies now. */
export function CaseClosureForms({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const overview = useClosureOverview(kase.id);
  const { close, reopen } = useClosureActions(kase.id);
  const canClose = overview.data?.canClose ?? false;
  return (
    <>
      {kase.phase === 'closed' ? (
        <>
          <ClosedNotice caseId={kase.id} />
          <ReopenForm reopen={reopen} />
        </>
      ) : kase.phase !== 'monitoring' ? (
        <Paragraph>{t('caseClosure.close.notInMonitoring')}</Paragraph>
      ) : canClose ? (
        <CloseForm close={close} />
      ) : overview.data ? (
        <Paragraph>{t('caseClosure.close.notAllowed')}</Paragraph>
      ) : null}
      {reopen.isSuccess && kase.phase !== 'closed' ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseClosure.reopen.reopened')}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}

function ClosedNotice({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <Alert type="info" live="status">
      <Paragraph>{t('caseClosure.close.closed')}</Paragraph>
      <Paragraph>
        <AppLink to={closureLetterPath(caseId)}>{t('caseClosure.close.openLetter')}</AppLink>
      </Paragraph>
    </Alert>
  );
}
