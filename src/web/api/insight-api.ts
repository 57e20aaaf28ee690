import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IndicatorDefinition } from '../../domain/insight/catalogue.ts';
import type { ProtectedTable, PublishedCell } from '../../domain/insight/disclosure.ts';
import { request } from './client.ts';

/** Regional insight over the HTTP API (src/modules/insight/routes.ts). Every figure arrives protected. */

export type { IndicatorDefinition, ProtectedTable, PublishedCell };

export interface Localised {
  nl: string;
  en: string;
}
export interface Labelled {
  key: string;
  label: Localised;
}
export type PublishedShare =
  | { suppressed: false; numerator: number; denominator: number; percent: number }
  | { suppressed: true };
export type GatedRate =
  | { suppressed: false; value: number }
  | { suppressed: true; reason: 'numerator_suppressed' | 'denominator_too_small' | 'no_population' };
export interface ShareRow extends Labelled {
  yes: PublishedCell;
  no: PublishedCell;
  share: PublishedShare;
}
export interface RateRow extends Labelled {
  count: PublishedCell;
  population: number | null;
  populationYear: number | null;
  rate: GatedRate;
}
export type InsightSection =
  | {
      kind: 'table';
      indicator: string;
      rows: Labelled[];
      columns: Labelled[];
      table: ProtectedTable;
      trend: boolean;
    }
  | {
      kind: 'share';
      indicator: string;
      outcomes: { yes: Localised; no: Localised };
      rows: ShareRow[];
      total: ShareRow;
      trend: { quarter: string; share: PublishedShare }[];
      maturity?: { months: number; countedUpTo: string | null };
      ambition?: { value: number; source: string };
    }
  | { kind: 'rate'; indicator: string; rows: RateRow[]; total: RateRow; years: number }
  | { kind: 'series'; indicator: string; points: { quarter: string; value: number | null }[] };

export interface ReferenceFigure {
  id: string;
  indicator: string;
  year: number;
  value: number;
  source: string;
  sourceDate: string;
  enteredBy: string;
  enteredAt: string;
}

export interface Dashboard {
  region: { name: string };
  audience: 'policy_advisor' | 'team_lead';
  filters: { from: string; to: string; municipality: string | null; subregion: string | null };
  municipalities: { code: string; name: string; subregion: string | null }[];
  subregions: string[];
  quarters: string[];
  disclosure: { threshold: number; rounding: number | null };
  sections: InsightSection[];
  references: ReferenceFigure[];
}

export interface DashboardFilters {
  from: string;
  to: string;
  municipality?: string;
  subregion?: string;
}

export interface ReferenceFigureInput {
  indicator: string;
  year: number;
  value: number;
  source: string;
  sourceDate: string;
}

function dashboardPath(filters: DashboardFilters) {
  const q = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.municipality) q.set('municipality', filters.municipality);
  if (filters.subregion) q.set('subregion', filters.subregion);
  return `/api/insight/dashboard?${q.toString()}`;
}

export const insightApi = {
  catalogue: () =>
    request<{ audience: string; indicators: IndicatorDefinition[] }>('GET', '/api/insight/catalogue'),
  dashboard: (filters: DashboardFilters) => request<Dashboard>('GET', dashboardPath(filters)),
  referenceFigures: () => request<ReferenceFigure[]>('GET', '/api/insight/reference-figures'),
  saveReferenceFigure: (input: ReferenceFigureInput) =>
    request<{ figure: ReferenceFigure; replaced: boolean }>('POST', '/api/insight/reference-figures', input),
};

export const insightKeys = {
  all: ['insight'] as const,
  catalogue: ['insight', 'catalogue'] as const,
  dashboard: (filters: DashboardFilters) => ['insight', 'dashboard', filters] as const,
  references: ['insight', 'references'] as const,
};

export function useCatalogue() {
  return useQuery({ queryKey: insightKeys.catalogue, queryFn: insightApi.catalogue, staleTime: 60_000 });
}

export function useDashboard(filters: DashboardFilters) {
  return useQuery({ queryKey: insightKeys.dashboard(filters), queryFn: () => insightApi.dashboard(filters) });
}

export function useReferenceFigures() {
  return useQuery({ queryKey: insightKeys.references, queryFn: insightApi.referenceFigures });
}

export function useSaveReferenceFigure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: insightApi.saveReferenceFigure,
    onSuccess: () => client.invalidateQueries({ queryKey: insightKeys.all }),
  });
}
