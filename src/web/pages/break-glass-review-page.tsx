import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { Loading, QueryFailure, StatusText } from '../components/query-state.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';
import { BreakGlassGrantCard } from './break-glass-grant-card.tsx';

/** The privacy officer reviews every emergency access. */
export function BreakGlassReviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('breakGlassReview.title'));
  const [unreviewedOnly, setUnreviewedOnly] = useState(true);
  const grants = useQuery({
    queryKey: queryKeys.breakGlassGrants(unreviewedOnly),
    queryFn: () => api.breakGlassGrants(unreviewedOnly),
  });
  return (
    <>
      <PageHeading>{t('breakGlassReview.title')}</PageHeading>
      <Paragraph>{t('breakGlassReview.intro')}</Paragraph>
      <div className="utrecht-form-field utrecht-form-field--checkbox kring-choice">
        <div className="utrecht-form-field__input">
          <input
            id="break-glass-unreviewed"
            type="checkbox"
            checked={unreviewedOnly}
            onChange={(event) => setUnreviewedOnly(event.target.checked)}
            className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
          />
        </div>
        <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
          <label htmlFor="break-glass-unreviewed" className="utrecht-form-label utrecht-form-label--checkbox">
            {t('breakGlassReview.unreviewedOnly')}
          </label>
        </div>
      </div>
      <section className="kring-section">
        <Heading level={2} id="grants-title">
          {t('breakGlassReview.listTitle')}
        </Heading>
        {grants.isPending ? <Loading /> : null}
        {grants.isError ? <QueryFailure error={grants.error} onRetry={() => void grants.refetch()} /> : null}
        {grants.data ? (
          <StatusText>{t('breakGlassReview.count', { count: grants.data.length })}</StatusText>
        ) : null}
        <ul className="kring-user-list">
          {(grants.data ?? []).map((grant) => (
            <li key={grant.id}>
              <BreakGlassGrantCard grant={grant} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
