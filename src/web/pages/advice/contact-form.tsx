import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASKER_ROLES,
  type AskerRole,
  CONTACT_CHANNELS,
  type ContactChannel,
  useRecordContact,
} from '../../api/advice-api.ts';
import { useRegion } from '../../api/queries.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { RadioGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { QueryFailure } from '../../components/query-state.tsx';
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

const PREFIX = 'contact';
const YES_NO = ['yes', 'no'] as const;
const ID = {
  channel: 'contact-channel',
  channelFirst: `contact-channel-${CONTACT_CHANNELS[0]}`,
  role: 'contact-asker-role',
  function: 'contact-asker-function',
  organisation: 'contact-asker-organisation',
  anonymous: 'contact-anonymous',
  anonymousFirst: `contact-anonymous-${YES_NO[0]}`,
  contact: 'contact-details',
} as const;

/** "Telefoon- of chatcontact vastleggen": Veilig Thuis records an advice request it took by phone or chat. */
export function ContactForm() {
  const { t } = useTranslation();
  const region = useRegion();
  const record = useRecordContact();
  const [draft, setDraft] = useState(emptyAdviceDraft);
  const [channel, setChannel] = useState<ContactChannel | null>(null);
  const [askerRole, setAskerRole] = useState<AskerRole | ''>('');
  const [askerFunction, setAskerFunction] = useState('');
  const [askerOrganisation, setAskerOrganisation] = useState('');
  const [anonymous, setAnonymous] = useState<(typeof YES_NO)[number] | null>(null);
  const [contact, setContact] = useState('');
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const [recorded, setRecorded] = useState<string | null>(null);

  const texts: AdviceFieldTexts = {
    municipality: t('advice.form.municipality'),
    kinds: t('advice.form.kinds'),
    duration: t('advice.form.duration'),
    question: t('advice.vt.contactQuestion'),
  };
  const { errors, summary } = useFormErrors(clientSummary, record.error, (path) => {
    if (path.startsWith('channel')) return { id: ID.channelFirst, label: t('advice.vt.channel') };
    if (path.startsWith('askerRole')) return { id: ID.role, label: t('advice.vt.askerRole') };
    if (path.startsWith('askerFunction')) return { id: ID.function, label: t('advice.vt.askerFunction') };
    if (path.startsWith('askerOrganisation'))
      return { id: ID.organisation, label: t('advice.vt.askerOrganisation') };
    if (path.startsWith('anonymous')) return { id: ID.anonymousFirst, label: t('advice.vt.anonymous') };
    if (path.startsWith('contact')) return { id: ID.contact, label: t('advice.vt.contact') };
    return adviceFieldRef(PREFIX, texts, path);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (record.isPending) return;
    const found: SummaryItem[] = [];
    if (!channel) found.push({ fieldId: ID.channelFirst, message: t('advice.errors.channel') });
    if (!askerRole) found.push({ fieldId: ID.role, message: t('advice.errors.askerRoleContact') });
    if (!anonymous) found.push({ fieldId: ID.anonymousFirst, message: t('advice.errors.anonymousContact') });
    found.push(
      ...validateAdviceFields(PREFIX, draft, {
        municipality: t('advice.errors.municipality'),
        kinds: t('advice.errors.kinds'),
        duration: t('advice.errors.duration'),
        question: t('advice.errors.question'),
      }),
    );
    setClientSummary(found);
    setRecorded(null);
    if (found.length > 0 || !channel || !askerRole || !anonymous) return;
    const isAnonymous = anonymous === 'yes';
    record.mutate(
      {
        ...adviceBase(draft),
        channel,
        askerRole,
        anonymous: isAnonymous,
        ...(askerFunction.trim() ? { askerFunction: askerFunction.trim() } : {}),
        ...(askerOrganisation.trim() ? { askerOrganisation: askerOrganisation.trim() } : {}),
        ...(!isAnonymous && contact.trim() ? { contact: contact.trim() } : {}),
      },
      {
        onSuccess: (created) => {
          setRecorded(created.reference);
          setDraft(emptyAdviceDraft());
          setChannel(null);
          setAskerRole('');
          setAskerFunction('');
          setAskerOrganisation('');
          setAnonymous(null);
          setContact('');
        },
      },
    );
  }

  return (
    <div className="kring-section">
      <Heading level={2} id="contact-title">
        {t('advice.vt.contactTitle')}
      </Heading>
      <Paragraph>{t('advice.vt.contactIntro')}</Paragraph>
      {recorded ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('advice.vt.contactRecorded', { reference: recorded })}</Paragraph>
        </Alert>
      ) : null}
      {region.isError ? <QueryFailure error={region.error} onRetry={() => void region.refetch()} /> : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="contact-title">
        <RadioGroup
          id={ID.channel}
          legend={t('advice.vt.channel')}
          error={errors[ID.channelFirst]}
          choices={CONTACT_CHANNELS.map((value) => ({ value, label: adviceLabel(t, 'channel', value) }))}
          value={channel}
          onChange={setChannel}
        />
        <SelectField
          id={ID.role}
          label={t('advice.vt.askerRole')}
          placeholder={t('advice.form.askerRolePlaceholder')}
          error={errors[ID.role]}
          value={askerRole}
          onChange={(event) => setAskerRole(event.target.value as AskerRole | '')}
          options={ASKER_ROLES.map((role) => ({ value: role, label: adviceLabel(t, 'askerRole', role) }))}
        />
        <TextField
          id={ID.function}
          label={t('advice.vt.askerFunction')}
          required={false}
          error={errors[ID.function]}
          type="text"
          maxLength={200}
          value={askerFunction}
          onChange={(event) => setAskerFunction(event.target.value)}
        />
        <TextField
          id={ID.organisation}
          label={t('advice.vt.askerOrganisation')}
          required={false}
          error={errors[ID.organisation]}
          type="text"
          maxLength={200}
          value={askerOrganisation}
          onChange={(event) => setAskerOrganisation(event.target.value)}
        />
        <RadioGroup
          id={ID.anonymous}
          legend={t('advice.vt.anonymous')}
          description={t('advice.vt.anonymousDescription')}
          error={errors[ID.anonymousFirst]}
          choices={YES_NO.map((value) => ({ value, label: t(`common.${value}`) }))}
          value={anonymous}
          onChange={setAnonymous}
        />
        {anonymous === 'no' ? (
          <TextField
            id={ID.contact}
            label={t('advice.vt.contact')}
            required={false}
            error={errors[ID.contact]}
            type="text"
            autoComplete="off"
            maxLength={300}
            value={contact}
            onChange={(event) => setContact(event.target.value)}
          />
        ) : null}
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
        <ButtonGroup>
          <Button type="submit" busy={record.isPending}>
            {t('advice.vt.contactSubmit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
