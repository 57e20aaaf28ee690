import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AskerRole,
  type CreatedAdvice,
  PROFESSIONAL_ASKER_ROLES,
  useAskAdvice,
} from '../../api/advice-api.ts';
import { useRegion } from '../../api/queries.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import type { SummaryItem } from '../../components/error-summary.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import {
  AdviceFields,
  type AdviceFieldTexts,
  adviceBase,
  adviceFieldRef,
  emptyAdviceDraft,
  useFormErrors,
  validateAdviceFields,
} from './advice-fields.tsx';
import { adviceLabel } from './labels.ts';
import { advicePaths } from './paths.ts';

const PREFIX = 'advice';
const ID = { role: 'advice-asker-role', function: 'advice-asker-function' } as const;
type ProfessionalRole = Exclude<AskerRole, 'non_professional'>;

function Confirmation({ created, onAnother }: { created: CreatedAdvice; onAnother: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="ok" ref={ref} live="status">
      <Heading level={2}>{t('advice.ask.sentTitle')}</Heading>
      <Paragraph>{t('advice.ask.sentText', { reference: created.reference })}</Paragraph>
      <ButtonGroup>
        <AppLink to={advicePaths.mine}>{t('advice.ask.toMine')}</AppLink>
        <Button type="button" appearance="secondary" onClick={onAnother}>
          {t('advice.ask.another')}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}

/** "Advies vragen": a professional asks Veilig Thuis for advice about a situation. */
export function AskAdvicePage() {
  const { t } = useTranslation();
  usePageTitle(t('advice.ask.title'));
  const region = useRegion();
  const ask = useAskAdvice();
  const [draft, setDraft] = useState(emptyAdviceDraft);
  const [askerRole, setAskerRole] = useState<ProfessionalRole | ''>('');
  const [askerFunction, setAskerFunction] = useState('');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);

  const texts: AdviceFieldTexts = {
    municipality: t('advice.form.municipality'),
    municipalityDescription: t('advice.form.municipalityDescription'),
    kinds: t('advice.form.kinds'),
    duration: t('advice.form.duration'),
    question: t('advice.form.question'),
    questionDescription: t('advice.ask.questionDescription'),
  };
  const { errors, summary } = useFormErrors(clientSummary, ask.error, (path) => {
    if (path.startsWith('askerRole')) return { id: ID.role, label: t('advice.form.askerRole') };
    if (path.startsWith('askerFunction')) return { id: ID.function, label: t('advice.form.askerFunction') };
    return adviceFieldRef(PREFIX, texts, path);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ask.isPending) return;
    const found = validateAdviceFields(PREFIX, draft, {
      municipality: t('advice.errors.municipality'),
      kinds: t('advice.errors.kinds'),
      duration: t('advice.errors.duration'),
      question: t('advice.errors.question'),
    });
    if (!askerRole) found.splice(3, 0, { fieldId: ID.role, message: t('advice.errors.askerRole') });
    setClientSummary(found);
    if (found.length > 0 || !askerRole) return;
    ask.mutate({
      ...adviceBase(draft),
      askerRole,
      ...(askerFunction.trim() ? { askerFunction: askerFunction.trim() } : {}),
    });
  }

  function another() {
    ask.reset();
    setDraft(emptyAdviceDraft());
    setAskerFunction('');
    setClientSummary([]);
    document.getElementById('page-heading')?.focus();
  }

  return (
    <>
      <PageHeading>{t('advice.ask.title')}</PageHeading>
      {ask.isSuccess ? (
        <Confirmation created={ask.data} onAnother={another} />
      ) : (
        <>
          <Paragraph>{t('advice.ask.intro')}</Paragraph>
          {region.isPending ? <Loading /> : null}
          {region.isError ? (
            <QueryFailure error={region.error} onRetry={() => void region.refetch()} />
          ) : null}
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="page-heading">
            <AdviceFields
              prefix={PREFIX}
              draft={draft}
              errors={errors}
              municipalities={(region.data?.municipalities ?? []).map((m) => ({
                value: m.cbsCode,
                label: m.name,
              }))}
              texts={texts}
              onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
            />
            <SelectField
              id={ID.role}
              label={t('advice.form.askerRole')}
              placeholder={t('advice.form.askerRolePlaceholder')}
              error={errors[ID.role]}
              value={askerRole}
              onChange={(event) => setAskerRole(event.target.value as ProfessionalRole | '')}
              options={PROFESSIONAL_ASKER_ROLES.map((role) => ({
                value: role,
                label: adviceLabel(t, 'askerRole', role),
              }))}
            />
            <TextField
              id={ID.function}
              label={t('advice.form.askerFunction')}
              required={false}
              error={errors[ID.function]}
              type="text"
              maxLength={200}
              value={askerFunction}
              onChange={(event) => setAskerFunction(event.target.value)}
            />
            <ButtonGroup>
              <Button type="submit" busy={ask.isPending}>
                {t('advice.ask.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </>
  );
}
