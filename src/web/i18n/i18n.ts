import i18next, { type i18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { type Language, setApiLanguage } from '../api/client.ts';
import { catalogues } from './catalogues.ts';

export const LANGUAGES: readonly Language[] = ['nl', 'en'];
const STORAGE_KEY = 'kring.taal';

function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

function applyLanguage(language: Language) {
  document.documentElement.lang = language;
  setApiLanguage(language);
}

export function toLanguage(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'nl';
}

/** Dutch by default; the choice is kept in localStorage and sets <html lang>. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  const language = storedLanguage();
  void instance.use(initReactI18next).init({
    resources: { nl: { translation: catalogues.nl }, en: { translation: catalogues.en } },
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyLanguage(language);
  instance.on('languageChanged', (next) => {
    const chosen = toLanguage(next);
    applyLanguage(chosen);
    try {
      window.localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  });
  return instance;
}

/** The current UI language as the API client's type. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
