import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ROLES, type Role } from '../api/codes.ts';
import { queryKeys } from '../api/queries.ts';
import type { AdminUser } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { DataList } from '../components/data-list.tsx';
import { SelectField, type SelectOption } from '../components/form-field.tsx';
import { Heading, Paragraph, VisuallyHidden } from '../components/heading.tsx';
import { useErrorMessage } from '../components/query-state.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { codeLabel } from '../i18n/labels.ts';

/** One user: status, roles per organisation, and the administrator's actions on them. */
export function AdminUserCard({
  user,
  organisations,
  isSelf,
}: {
  user: AdminUser;
  organisations: SelectOption[];
  isSelf: boolean;
}) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  const queryClient = useQueryClient();
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.users });

  const addMembership = useMutation({
    mutationFn: (input: { organisationId: string; role: Role }) => api.addMembership(user.id, input),
    onSuccess: async () => {
      setOrganisationId('');
      setRole('');
      await refresh();
    },
  });
  const removeMembership = useMutation({
    mutationFn: (membershipId: string) => api.removeMembership(user.id, membershipId),
    onSuccess: refresh,
  });
  const setActive = useMutation({
    mutationFn: (active: boolean) => api.setUserActive(user.id, active),
    onSuccess: refresh,
  });
  const failure = addMembership.error ?? removeMembership.error ?? setActive.error;
  const headingId = `user-${user.id}-title`;
  const ids = { organisation: `user-${user.id}-organisation`, role: `user-${user.id}-role` };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (addMembership.isPending) return;
    if (!organisationId || !role) {
      setFormError(t('admin.errors.membership'));
      return;
    }
    setFormError(null);
    addMembership.mutate({ organisationId, role });
  }

  return (
    <article className="kring-panel kring-user" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {user.displayName} <span className="kring-muted">({user.username})</span>
      </Heading>
      <p className="utrecht-paragraph kring-badges">
        {user.active ? (
          <StatusBadge variant="success">{t('admin.status.active')}</StatusBadge>
        ) : (
          <StatusBadge variant="neutral">{t('admin.status.inactive')}</StatusBadge>
        )}{' '}
        {user.locked ? <StatusBadge variant="danger">{t('admin.status.locked')}</StatusBadge> : null}{' '}
        {!user.mfaEnrolled ? <StatusBadge variant="warning">{t('admin.status.noMfa')}</StatusBadge> : null}
      </p>
      <DataList
        items={[{ key: 'email', label: t('admin.fields.email'), value: user.email ?? t('common.none') }]}
      />
      {failure ? (
        <Alert type="error" live="alert">
          <Paragraph>{messageOf(failure)}</Paragraph>
        </Alert>
      ) : null}

      <Heading level={4}>{t('admin.memberships')}</Heading>
      {user.memberships.length === 0 ? <Paragraph>{t('admin.noMemberships')}</Paragraph> : null}
      <ul className="kring-membership-list">
        {user.memberships.map((m) => {
          const what = `${codeLabel(t, 'role', m.role)} – ${m.organisationName}`;
          return (
            <li key={m.id} className="kring-membership">
              <span>{what}</span>
              <Button
                type="button"
                appearance="subtle"
                busy={removeMembership.isPending}
                onClick={() => {
                  if (!removeMembership.isPending) removeMembership.mutate(m.id);
                }}
              >
                {t('admin.removeMembership')}
                <VisuallyHidden>
                  {' '}
                  {t('admin.removeMembershipContext', { what, user: user.username })}
                </VisuallyHidden>
              </Button>
            </li>
          );
        })}
      </ul>

      <form noValidate onSubmit={submit} className="kring-form kring-inline-form">
        <SelectField
          id={ids.organisation}
          label={t('admin.fields.organisationId')}
          placeholder={t('admin.organisationPlaceholder')}
          error={formError && !organisationId ? formError : undefined}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.target.value)}
          options={organisations}
        />
        <SelectField
          id={ids.role}
          label={t('admin.fields.role')}
          placeholder={t('admin.rolePlaceholder')}
          error={formError && !role ? formError : undefined}
          value={role}
          onChange={(event) => setRole(event.target.value as Role | '')}
          options={ROLES.map((r) => ({ value: r, label: codeLabel(t, 'role', r) }))}
        />
        <Button type="submit" appearance="secondary" busy={addMembership.isPending}>
          {t('admin.addMembership')}
          <VisuallyHidden> {t('admin.forUser', { user: user.username })}</VisuallyHidden>
        </Button>
      </form>

      {isSelf ? null : (
        <Button
          type="button"
          appearance="secondary"
          busy={setActive.isPending}
          onClick={() => {
            if (!setActive.isPending) setActive.mutate(!user.active);
          }}
        >
          {user.active ? t('admin.deactivate') : t('admin.activate')}
          <VisuallyHidden> {user.username}</VisuallyHidden>
        </Button>
      )}
    </article>
  );
}
