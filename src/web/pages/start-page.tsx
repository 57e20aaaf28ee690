import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import type { SignedInSession } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { SelectField } from '../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { QueryFailure } from '../components/query-state.tsx';
import { codeLabel } from '../i18n/labels.ts';
import { usePageTitle } from '../lib/use-page-title.ts';
import { navItemsFor } from '../navigation.ts';
import { paths } from '../paths.ts';
import { useCurrentSession } from '../session/current-session.tsx';

/** Organisations the user can act for, each once, with the roles held there. */
function organisationsOf(session: SignedInSession) {
  const byId = new Map<string, { id: string; name: string; roles: string[] }>();
  for (const m of session.memberships) {
    const entry = byId.get(m.organisationId) ?? { id: m.organisationId, name: m.organisationName, roles: [] };
    entry.roles.push(m.role);
    byId.set(m.organisationId, entry);
  }
  return [...byId.values()];
}

function OrganisationSwitch({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = organisationsOf(session);
  const [chosen, setChosen] = useState(session.organisation?.id ?? '');
  const change = useMutation({
    mutationFn: api.switchOrganisation,
    // Everything cached was read for the previous organisation.
    onSuccess: async () => {
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== 'meta' && query.queryKey[0] !== 'session',
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
  if (organisations.length < 2) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen && chosen !== session.organisation?.id && !change.isPending) change.mutate(chosen);
  }

  return (
    <section className="kring-panel">
      <Heading level={2} id="switch-organisation-title">
        {t('start.switchTitle')}
      </Heading>
      {change.isSuccess && session.organisation ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('start.switched', { organisation: session.organisation.name })}</Paragraph>
        </Alert>
      ) : null}
      {change.isError ? <QueryFailure error={change.error} /> : null}
      <form noValidate onSubmit={submit} className="kring-form kring-inline-form">
        <SelectField
          id="switch-organisation"
          label={t('start.switchLabel')}
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
          options={organisations.map((o) => ({
            value: o.id,
            label: `${o.name} (${o.roles.map((role) => codeLabel(t, 'role', role)).join(', ')})`,
          }))}
        />
        <Button type="submit" busy={change.isPending}>
          {t('start.switchSubmit')}
        </Button>
      </form>
    </section>
  );
}

export function StartPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  usePageTitle(t('start.title'));
  const cards = navItemsFor(session).filter((item) => item.path !== paths.start);
  return (
    <>
      <PageHeading>{t('start.greeting', { name: session.user.displayName })}</PageHeading>
      {session.organisation ? (
        <Paragraph className="utrecht-paragraph--lead">
          {t('start.actingFor', { organisation: session.organisation.name })}{' '}
          {t('start.roles', {
            roles: session.roles.map((role) => codeLabel(t, 'role', role)).join(', '),
          })}
        </Paragraph>
      ) : (
        <Alert type="warning">
          <Paragraph>{t('start.noOrganisation')}</Paragraph>
        </Alert>
      )}
      <OrganisationSwitch session={session} />
      <section>
        <Heading level={2} id="start-cards-title">
          {t('start.cardsTitle')}
        </Heading>
        <ul className="kring-cards">
          {cards.map((item) => (
            <li key={item.path} className="kring-card">
              <Link to={item.path} className="utrecht-link utrecht-link--html-a kring-card__link">
                {t(`nav.${item.key}`)}
              </Link>
              <p className="utrecht-paragraph kring-card__text">{t(`nav.${item.key}Description`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
