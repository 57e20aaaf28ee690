import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import type { ChainProblem } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { Heading, Paragraph } from '../components/heading.tsx';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';

function describeProblem(
  problem: ChainProblem,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  switch (problem.kind) {
    case 'gap':
      return t('audit.verify.gap', { position: problem.position, expected: problem.expected });
    case 'broken_link':
      return t('audit.verify.brokenLink', { position: problem.position });
    case 'altered':
      return t('audit.verify.altered', { position: problem.position });
  }
}

/** Recomputes the hash chain of the whole audit trail on request. */
export function AuditVerification() {
  const { t } = useTranslation();
  const language = useLanguage();
  const verification = useQuery({
    queryKey: queryKeys.auditVerification,
    queryFn: api.verifyAudit,
    enabled: false,
    staleTime: 0,
  });
  const result = verification.data;
  return (
    <section className="kring-section kring-panel">
      <Heading level={2} id="audit-verify-title">
        {t('audit.verify.title')}
      </Heading>
      <Paragraph>{t('audit.verify.intro')}</Paragraph>
      <Button
        type="button"
        appearance="secondary"
        busy={verification.isFetching}
        onClick={() => {
          if (!verification.isFetching) void verification.refetch();
        }}
      >
        {t('audit.verify.button')}
      </Button>
      {verification.isFetching ? <Loading /> : null}
      {verification.isError ? <QueryFailure error={verification.error} /> : null}
      {result && !verification.isFetching ? (
        result.problems.length === 0 ? (
          <Alert type="ok" live="status">
            <Paragraph>
              {t('audit.verify.intact', {
                count: result.count,
                formatted: formatNumber(result.count, language),
              })}
            </Paragraph>
          </Alert>
        ) : (
          <Alert type="error" live="alert">
            <Paragraph>
              <strong>{t('audit.verify.broken', { count: result.problems.length })}</strong>
            </Paragraph>
            <ul className="utrecht-unordered-list">
              {result.problems.map((problem) => (
                <li key={`${problem.kind}-${problem.position}`} className="utrecht-unordered-list__item">
                  {describeProblem(problem, t)}
                </li>
              ))}
            </ul>
          </Alert>
        )
      ) : null}
    </section>
  );
}
