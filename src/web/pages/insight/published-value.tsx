import { useTranslation } from 'react-i18next';
import type { GatedRate, PublishedCell, PublishedShare } from '../../api/insight-api.ts';
import { useLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';

/**
 * A published count, or the mark of a hidden one: "<5" for a count below the threshold and "×" for
 * a count hidden so that a small one cannot be worked out from the totals. Screen readers hear the
 * explanation instead of the mark.
 */
export function PublishedValue({ cell, threshold }: { cell: PublishedCell; threshold: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!cell.suppressed) return <>{formatNumber(cell.value, language)}</>;
  const primary = cell.reason === 'primary';
  return (
    <span className="kring-suppressed">
      <span aria-hidden="true">{primary ? `<${threshold}` : '×'}</span>
      <span className="kring-visually-hidden">
        {primary ? t('insight.suppressed.primaryLong', { threshold }) : t('insight.suppressed.secondaryLong')}
      </span>
    </span>
  );
}

export function ShareValue({ share }: { share: PublishedShare }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (share.suppressed)
    return (
      <span className="kring-suppressed">
        <span aria-hidden="true">×</span>
        <span className="kring-visually-hidden">{t('insight.suppressed.shareLong')}</span>
      </span>
    );
  return <>{`${formatNumber(share.percent, language)}%`}</>;
}

export function RateValue({ rate }: { rate: GatedRate }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!rate.suppressed) return <>{formatNumber(rate.value, language)}</>;
  if (rate.reason === 'no_population') return <>{t('insight.rate.noPopulation')}</>;
  return (
    <span className="kring-suppressed">
      <span aria-hidden="true">×</span>
      <span className="kring-visually-hidden">{t('insight.suppressed.rateLong')}</span>
    </span>
  );
}

/** The legend under every table with hidden figures. */
export function SuppressionNote({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return <p className="utrecht-paragraph kring-note">{t('insight.suppressed.legend', { threshold })}</p>;
}
