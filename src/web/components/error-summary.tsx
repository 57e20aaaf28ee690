import { type MouseEvent, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** The id of the field to jump to; null for a message about the form as a whole. */
  fieldId: string | null;
  message: string;
}

function jumpTo(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const target = document.getElementById(fieldId);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/**
 * Lists what went wrong at the top of a form, with links to the fields. It takes focus when it
 * appears, and role="alert" announces it.
 */
export function ErrorSummary({ items, title }: { items: SummaryItem[]; title?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const signature = items.map((item) => `${item.fieldId}:${item.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      className="utrecht-alert utrecht-alert--error kring-alert kring-error-summary"
    >
      <div className="utrecht-alert__content">
        <h2 id={titleId} className="utrecht-heading-2 kring-error-summary__title">
          {title ?? t('common.errorSummaryTitle')}
        </h2>
        <ul className="utrecht-unordered-list">
          {items.map((item) => (
            <li key={`${item.fieldId}:${item.message}`} className="utrecht-unordered-list__item">
              {item.fieldId ? (
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={`#${item.fieldId}`}
                  onClick={(event) => jumpTo(event, item.fieldId ?? '')}
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
