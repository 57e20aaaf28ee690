import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useLanguage } from '../i18n/i18n.ts';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { Paragraph } from './heading.tsx';

/** A line of text whose changes are announced politely (role="status"). */
export function StatusText({ children }: { children: React.ReactNode }) {
  return <output className="utrecht-paragraph kring-status">{children}</output>;
}

export function Loading() {
  const { t } = useTranslation();
  return <output className="utrecht-paragraph kring-status kring-loading">{t('common.loading')}</output>;
}

/** The message of any error in the UI language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (error) => (error instanceof ApiError ? error.messageIn(language) : t('common.unknownError'));
}

export function QueryFailure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  return (
    <Alert type="error" live="alert">
      <Paragraph>{messageOf(error)}</Paragraph>
      {onRetry ? (
        <Button type="button" appearance="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
