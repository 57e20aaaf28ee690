import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLanguage } from '../i18n/i18n.ts';

const NAMES = { nl: 'Nederlands', en: 'English' } as const;

/** NL | EN; each button is named in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLanguage();
  return (
    <fieldset className="kring-language-switch">
      <legend className="kring-visually-hidden">{t('header.language')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          className="utrecht-button utrecht-button--subtle kring-language-switch__button"
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
          <span className="kring-visually-hidden"> – {NAMES[language]}</span>
        </button>
      ))}
    </fieldset>
  );
}
