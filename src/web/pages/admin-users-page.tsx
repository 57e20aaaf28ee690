import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { queryKeys, useRegion } from '../api/queries.ts';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';
import { useCurrentSession } from '../session/current-session.tsx';
import { CreateUserForm } from './admin-create-user-form.tsx';
import { AdminUserCard } from './admin-user-card.tsx';

/** The functional administrator manages the people of the organisations in their region. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  usePageTitle(t('admin.title'));
  const users = useQuery({ queryKey: queryKeys.users, queryFn: api.users });
  const region = useRegion();
  const organisations = (region.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }));

  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <Paragraph>{t('admin.intro')}</Paragraph>
      {region.isError ? <QueryFailure error={region.error} onRetry={() => void region.refetch()} /> : null}
      <CreateUserForm organisations={organisations} />
      <section className="kring-section">
        <Heading level={2} id="admin-users-title">
          {t('admin.usersTitle', { count: users.data?.length ?? 0 })}
        </Heading>
        {users.isPending ? <Loading /> : null}
        {users.isError ? <QueryFailure error={users.error} onRetry={() => void users.refetch()} /> : null}
        <ul className="kring-user-list">
          {(users.data ?? []).map((user) => (
            <li key={user.id}>
              <AdminUserCard user={user} organisations={organisations} isSelf={user.id === session.user.id} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
