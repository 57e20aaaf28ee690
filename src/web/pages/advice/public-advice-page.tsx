import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAskAdviceAsResident, usePublicMunicipalities } from '../../api/advice-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { TextField } from '../../components/form-field.tsx';
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
import { advicePaths, VEILIG_THUIS_PHONE } from './paths.ts';
import { EmergencyNotice, PublicPage } from './public-help.tsx';

const PREFIX = 'help-advice';
const ANONYMITY = ['anonymous', 'known'] as const;
type Anonymity = (typeof ANONYMITY)[number];
const ID = {
  anonymity: 'help-advice-anonymity',
  anonymityFirst: `help-advice-anonymity-${ANONYMITY[0]}`,
  contact: 'help-advice-contact',
} as const;

function Sent({ reference, anonymous }: { reference: string; anonymous: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="ok" ref={ref} live="status">
      <Heading level={2}>{t('advice.publicAdvice.sentTitle')}</Heading>
      <Paragraph>{t('advice.public.yourReference')}</Paragraph>
      <p className="utrecht-paragraph kring-help-emergency__main">{reference}</p>
      <Paragraph>{t('advice.public.keepReference')}</Paragraph>
      <Heading level={3}>{t('advice.public.nextTitle')}</Heading>
      <ul className="utrecht-unordered-list kring-help-steps">
        <li className="utrecht-unordered-list__item">{t('advice.publicAdvice.next1')}</li>
        <li className="utrecht-unordered-list__item">
          {anonymous
            ? t('advice.publicAdvice.nextAnonymous', { phone: VEILIG_THUIS_PHONE.text })
            : t('advice.publicAdvice.nextKnown')}
        </li>
        <li className="utrecht-unordered-list__item">{t('advice.public.nextDanger')}</li>
      </ul>
      <Paragraph>
        <AppLink to={advicePaths.help}>{t('advice.public.backToHelp')}</AppLink>
      </Paragraph>
    </Alert>
  );
}

/** "/hulp/advies": a resident asks Veilig Thuis for advice, anonymously if they wish. */
export function PublicAdvicePage() {
  const { t } = useTranslation();
  usePageTitle(t('advice.publicAdvice.title'));
  const municipalities = usePublicMunicipalities();
  const ask = useAskAdviceAsResident();
  const [draft, setDraft] = useState(emptyAdviceDraft);
  const [anonymity, setAnonymity] = useState<Anonymity | null>(null);
  const [contact, setContact] = useState('');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);

  const texts: AdviceFieldTexts = {
    municipality: t('advice.public.municipality'),
    municipalityDescription: t('advice.public.municipalityDescription'),
    kinds: t('advice.public.kinds'),
    kindsDescription: t('advice.public.kindsDescription'),
    duration: t('advice.public.duration'),
    question: t('advice.publicAdvice.question'),
    questionDescription: t('advice.publicAdvice.questionDescription'),
  };
  const { errors, summary } = useFormErrors(clientSummary, ask.error, (path) => {
    if (path.startsWith('anonymous'))
      return { id: ID.anonymityFirst, label: t('advice.publicAdvice.anonymity') };
    if (path.startsWith('contact')) return { id: ID.contact, label: t('advice.publicAdvice.contact') };
    return adviceFieldRef(PREFIX, texts, path);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ask.isPending) return;
    const found = validateAdviceFields(PREFIX, draft, {
      municipality: t('advice.public.errors.municipality'),
      kinds: t('advice.public.errors.kinds'),
      duration: t('advice.public.errors.duration'),
      question: t('advice.publicAdvice.errors.question'),
    });
    if (!anonymity)
      found.push({ fieldId: ID.anonymityFirst, message: t('advice.publicAdvice.errors.anonymity') });
    else if (anonymity === 'known' && !contact.trim())
      found.push({ fieldId: ID.contact, message: t('advice.publicAdvice.errors.contact') });
    setClientSummary(found);
    if (found.length > 0 || !anonymity) return;
    const anonymous = anonymity === 'anonymous';
    ask.mutate({ ...adviceBase(draft), anonymous, ...(anonymous ? {} : { contact: contact.trim() }) });
  }

  return (
    <PublicPage>
      <EmergencyNotice />
      <PageHeading>{t('advice.publicAdvice.title')}</PageHeading>
      {ask.isSuccess ? (
        <Sent reference={ask.data.reference} anonymous={ask.variables?.anonymous ?? true} />
      ) : (
        <>
          <Paragraph className="kring-help-lead">{t('advice.publicAdvice.intro')}</Paragraph>
          {municipalities.isPending ? <Loading /> : null}
          {municipalities.isError ? (
            <QueryFailure error={municipalities.error} onRetry={() => void municipalities.refetch()} />
          ) : null}
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="page-heading">
            <AdviceFields
              prefix={PREFIX}
              draft={draft}
              errors={errors}
              municipalities={(municipalities.data ?? []).map((m) => ({ value: m.cbsCode, label: m.name }))}
              texts={texts}
              onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
            />
            <RadioGroup
              id={ID.anonymity}
              legend={t('advice.publicAdvice.anonymity')}
              error={errors[ID.anonymityFirst]}
              choices={ANONYMITY.map((value) => ({
                value,
                label: t(`advice.publicAdvice.anonymityChoice.${value}`),
              }))}
              value={anonymity}
              onChange={setAnonymity}
            />
            {anonymity === 'anonymous' ? (
              <Alert type="info" live="status">
                <Paragraph>{t('advice.publicAdvice.anonymousExplained')}</Paragraph>
              </Alert>
            ) : null}
            {anonymity === 'known' ? (
              <TextField
                id={ID.contact}
                label={t('advice.publicAdvice.contact')}
                description={t('advice.publicAdvice.contactDescription')}
                error={errors[ID.contact]}
                type="text"
                autoComplete="tel"
                maxLength={300}
                value={contact}
                onChange={(event) => setContact(event.target.value)}
              />
            ) : null}
            <ButtonGroup>
              <Button type="submit" busy={ask.isPending} className="kring-help-submit">
                {t('advice.publicAdvice.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </PublicPage>
  );
}
