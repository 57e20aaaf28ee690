import en from './en.json';
import nl from './nl.json';

type Catalogue = { [key: string]: string | Catalogue };

// Each feature keeps its texts in i18n/features/<feature>.<language>.json; they are merged here
// into the one catalogue per language (a feature may add keys under shared groups such as "nav").
const featureNl = import.meta.glob<Catalogue>('./features/*.nl.json', { eager: true, import: 'default' });
const featureEn = import.meta.glob<Catalogue>('./features/*.en.json', { eager: true, import: 'default' });

function merge(target: Catalogue, source: Catalogue): Catalogue {
  const out: Catalogue = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
  }
  return out;
}

export const catalogues = {
  nl: Object.values(featureNl).reduce(merge, nl as Catalogue),
  en: Object.values(featureEn).reduce(merge, en as Catalogue),
};
