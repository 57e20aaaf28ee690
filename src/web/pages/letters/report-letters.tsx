import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../lib/format.ts';
import { type LetterRecipient, useLetter } from './letters-api.ts';
import { ReportInforming } from './report-informing.tsx';

/** Veilig Thuis shows and prints the letter to the reporter or to the household. */
export function ReportLetters({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [recipient, setRecipient] = useState<LetterRecipient | null>(null);
  const letter = useLetter(reportId, recipient);
  return (
    <section className="kring-section" aria-labelledby="letters-title">
      <Heading level={2} id="letters-title">
        {t('letters.title')}
      </Heading>
      <Paragraph>{t('letters.intro')}</Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary" onClick={() => setRecipient('reporter')}>
          {t('letters.showReporter')}
        </Button>
        <Button type="button" appearance="secondary" onClick={() => setRecipient('household')}>
          {t('letters.showHousehold')}
        </Button>
      </ButtonGroup>
      <ReportInforming reportId={reportId} />
      {letter.isError ? <Paragraph>{t('common.unknownError')}</Paragraph> : null}
      {letter.data ? (
        <article className="kring-letter" aria-labelledby="letter-subject">
          <Heading level={3} id="letter-subject">
            {letter.data.subject}
          </Heading>
          {letter.data.sendBy ? (
            <Paragraph className="kring-letter__meta">
              {t('letters.sendBy', { date: formatDateTime(letter.data.sendBy, language) })}
            </Paragraph>
          ) : null}
          {letter.data.protectedPassages > 0 && letter.data.recipient === 'household' ? (
            <Paragraph className="kring-letter__meta">
              {t('letters.protected', { count: letter.data.protectedPassages })}
            </Paragraph>
          ) : null}
          {letter.data.paragraphs.map((paragraph, index) => (
            // Paragraphs are a fixed sequence per letter; their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: the letter is rendered once, never reordered
            <p key={index} className="utrecht-paragraph kring-letter__paragraph">
              {paragraph}
            </p>
          ))}
          <ButtonGroup>
            <Button type="button" onClick={() => window.print()}>
              {t('letters.print')}
            </Button>
          </ButtonGroup>
        </article>
      ) : null}
    </section>
  );
}
