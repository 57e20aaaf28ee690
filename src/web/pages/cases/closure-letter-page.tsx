import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useClosureLetter } from '../../api/case-closure-api.ts';
import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { casePath } from './case-paths.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Address of the printable closure letter; without a closure id, the latest closure's letter. */
export const closureLetterPath = (caseId: string, closureId?: string) =>
  `${casePath(caseId)}/afsluitbrief${closureId ? `?afsluiting=${encodeURIComponent(closureId)}` : ''}`;

/** The closure letter to the household as generated at closing, printable (print CSS hides the chrome). */
export function ClosureLetterPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const closureParam = search.get('afsluiting');
  const closureId = closureParam && UUID.test(closureParam) ? closureParam : null;
  const valid = UUID.test(id) && (closureParam === null || closureId !== null);
  const letter = useClosureLetter(id, closureId, valid);
  const notFound = !valid || (letter.error instanceof ApiError && letter.error.status === 404);
  const title = letter.data
    ? t('caseClosure.letter.title', { reference: letter.data.caseReference })
    : t('caseClosure.letter.titleUnknown');
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {notFound ? (
        <Alert type="info">
          <Paragraph>{t('caseClosure.letter.notFound')}</Paragraph>
        </Alert>
      ) : null}
      {!notFound && letter.isPending ? <Loading /> : null}
      {!notFound && letter.isError ? (
        <QueryFailure error={letter.error} onRetry={() => void letter.refetch()} />
      ) : null}
      {letter.data ? (
        <>
          <Paragraph className="kring-letter__meta">
            {t('caseClosure.letter.meta', { date: formatDateTime(letter.data.closedAt, language) })}
          </Paragraph>
          {letter.data.protectedPassages > 0 ? (
            <Paragraph className="kring-letter__meta">
              {t('caseClosure.letter.protected', { count: letter.data.protectedPassages })}
            </Paragraph>
          ) : null}
          <article className="kring-letter" aria-labelledby="closure-letter-subject" lang="nl">
            <Heading level={2} id="closure-letter-subject">
              {letter.data.subject}
            </Heading>
            {letter.data.paragraphs.map((paragraph, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the letter is a fixed sequence, rendered once
              <p key={index} className="utrecht-paragraph kring-letter__paragraph">
                {paragraph}
              </p>
            ))}
          </article>
          <ButtonGroup>
            <Button type="button" onClick={() => window.print()}>
              {t('caseClosure.letter.print')}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
      <Paragraph>
        <AppLink to={casePath(id)}>{t('caseClosure.letter.back')}</AppLink>
      </Paragraph>
    </>
  );
}
