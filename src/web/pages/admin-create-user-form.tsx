import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ROLES, type Role } from '../api/codes.ts';
import { queryKeys } from '../api/queries.ts';
import type { CreatedUser, NewUserInput } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button, ButtonGroup } from '../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { SelectField, type SelectOption, TextField } from '../components/form-field.tsx';
import { Heading, Paragraph } from '../components/heading.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../lib/field-errors.ts';

const FIELDS = ['username', 'displayName', 'email', 'password', 'organisationId', 'role'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (field: Field) => `new-user-${field}`;
const USERNAME = /^[a-z0-9._-]{3,64}$/;
const MIN_PASSWORD = 12;

type Draft = Record<Field, string>;
const EMPTY: Draft = { username: '', displayName: '', email: '', password: '', organisationId: '', role: '' };

/** The authenticator secret is shown once, right after creating the user. */
function SecretOnce({ created, username }: { created: CreatedUser; username: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="warning" ref={ref} live="status">
      <Heading level={3}>{t('admin.created.title', { username })}</Heading>
      <Paragraph>
        <strong>{t('admin.created.warning')}</strong>
      </Paragraph>
      <dl className="kring-secret">
        <dt>{t('admin.created.secret')}</dt>
        <dd>
          <code className="utrecht-code">{created.totpSecret}</code>
        </dd>
        <dt>{t('admin.created.uri')}</dt>
        <dd>
          <code className="utrecht-code kring-break-all">{created.totpUri}</code>
        </dd>
      </dl>
    </Alert>
  );
}

export function CreateUserForm({ organisations }: { organisations: SelectOption[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [createdFor, setCreatedFor] = useState('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});

  const create = useMutation({
    mutationFn: api.createUser,
    onSuccess: async (_created, input) => {
      setCreatedFor(input.username);
      setDraft(EMPTY);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });

  const label = (field: Field) => t(`admin.fields.${field}`);
  const fieldRef = (path: string): FieldRef | null => {
    const field = FIELDS.find((f) => path === f || path.startsWith(`${f}.`));
    return field ? { id: fieldId(field), label: label(field) } : null;
  };
  const server = serverErrors(create.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const clientSummary: SummaryItem[] = FIELDS.flatMap((field) => {
    const message = clientErrors[field];
    return message ? [{ fieldId: fieldId(field), message }] : [];
  });
  const summary = clientSummary.length > 0 ? clientSummary : server.summary;
  const errorOf = (field: Field) => clientErrors[field] ?? server.fields[fieldId(field)];
  const set = (field: Field) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const errors: Partial<Record<Field, string>> = {};
    if (!USERNAME.test(draft.username.trim())) errors.username = t('admin.errors.username');
    if (!draft.displayName.trim()) errors.displayName = t('admin.errors.displayName');
    if (draft.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim()))
      errors.email = t('admin.errors.email');
    if (draft.password.length < MIN_PASSWORD)
      errors.password = t('admin.errors.password', { min: MIN_PASSWORD });
    if (!draft.organisationId) errors.organisationId = t('admin.errors.organisationId');
    if (!draft.role) errors.role = t('admin.errors.role');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input: NewUserInput = {
      username: draft.username.trim(),
      displayName: draft.displayName.trim(),
      password: draft.password,
      organisationId: draft.organisationId,
      role: draft.role as Role,
      ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    };
    create.mutate(input);
  }

  return (
    <section className="kring-section kring-panel">
      <Heading level={2} id="new-user-title">
        {t('admin.newUserTitle')}
      </Heading>
      {create.isSuccess ? <SecretOnce created={create.data} username={createdFor} /> : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form">
        <TextField
          id={fieldId('username')}
          label={label('username')}
          description={t('admin.usernameHelp')}
          error={errorOf('username')}
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={draft.username}
          onChange={set('username')}
        />
        <TextField
          id={fieldId('displayName')}
          label={label('displayName')}
          error={errorOf('displayName')}
          type="text"
          autoComplete="off"
          value={draft.displayName}
          onChange={set('displayName')}
        />
        <TextField
          id={fieldId('email')}
          label={label('email')}
          required={false}
          error={errorOf('email')}
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={set('email')}
        />
        <TextField
          id={fieldId('password')}
          label={label('password')}
          description={t('admin.passwordHelp', { min: MIN_PASSWORD })}
          error={errorOf('password')}
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={set('password')}
        />
        <SelectField
          id={fieldId('organisationId')}
          label={label('organisationId')}
          placeholder={t('admin.organisationPlaceholder')}
          error={errorOf('organisationId')}
          value={draft.organisationId}
          onChange={set('organisationId')}
          options={organisations}
        />
        <SelectField
          id={fieldId('role')}
          label={label('role')}
          placeholder={t('admin.rolePlaceholder')}
          error={errorOf('role')}
          value={draft.role}
          onChange={set('role')}
          options={ROLES.map((role) => ({ value: role, label: codeLabel(t, 'role', role) }))}
        />
        <ButtonGroup>
          <Button type="submit" busy={create.isPending}>
            {t('admin.createUser')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
