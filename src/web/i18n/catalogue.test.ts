import { describe, expect, it } from 'vitest';
import {
  INFORMATION_CATEGORIES,
  MATCH_BASES,
  MATCH_CERTAINTIES,
  PERSON_ROLES,
  REPORT_CLASSIFICATIONS,
  ROLES,
  ROUTES,
  VIOLENCE_KINDS,
} from '../api/codes.ts';
import { catalogues } from './catalogues.ts';
import en from './en.json';
import nl from './nl.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

function lookup(catalogue: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalogue);
}

describe('the Dutch and English catalogues', () => {
  it('have exactly the same keys, feature catalogues included', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    expect(keysOf(catalogues.en).sort()).toEqual(keysOf(catalogues.nl).sort());
  });

  it('have no empty texts', () => {
    for (const catalogue of [catalogues.nl, catalogues.en]) {
      for (const key of keysOf(catalogue)) expect(lookup(catalogue, key), key).not.toBe('');
    }
  });

  it('label every code the forms offer', () => {
    const lists = {
      role: ROLES,
      violenceKind: VIOLENCE_KINDS,
      category: INFORMATION_CATEGORIES,
      personRole: PERSON_ROLES,
      route: ROUTES,
      classification: REPORT_CLASSIFICATIONS,
      matchedOn: MATCH_BASES,
      certainty: MATCH_CERTAINTIES,
    };
    for (const catalogue of [catalogues.nl, catalogues.en]) {
      for (const [list, codes] of Object.entries(lists)) {
        for (const code of codes)
          expect(lookup(catalogue, `codes.${list}.${code}`), `${list}.${code}`).toBeTypeOf('string');
      }
    }
  });

  it('use the agreed Dutch labels', () => {
    expect(nl.codes.category).toEqual({
      team: 'Gedeeld met het team',
      organisation: 'Alleen eigen organisatie',
      justice: 'Justitieel',
      health: 'Medisch/zorg',
    });
    expect(nl.codes.role.coordinator).toBe('Regisseur');
    expect(nl.codes.role.vt_intake).toBe('Veilig Thuis-intake');
    expect(nl.newReport.municipality).toBe('Gemeente van het huishouden');
    expect(nl.newReport.acute).toBe('Is er sprake van acute onveiligheid?');
    expect(nl.app.demoBanner).toBe('Demo-omgeving — geen echte gegevens invoeren');
    expect(nl.codes.route).toEqual({
      investigation: 'Onderzoek door Veilig Thuis',
      child_protection_request: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming',
      conditions_and_follow_up: 'Voorwaarden & Vervolg',
      handover_local_team: 'Overdracht aan het lokale team',
      handover_existing_help: 'Overdracht aan bestaande hulp',
      multi_agency_table: 'Multidisciplinair overleg (MDA++)',
      end_of_involvement: 'Einde bemoeienis',
    });
    expect(nl.codes.classification).toEqual({
      first_report: 'Eerste melding',
      follow_up_report: 'Vervolgmelding (Veilig Thuis is nog betrokken)',
      re_report: 'Hermelding (eerdere betrokkenheid is beëindigd)',
    });
  });
});
