import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FigureProblem } from '../../domain/insight/outside-figures.ts';
import { request } from './client.ts';

/** Outside figures over the HTTP API (src/modules/insight/figures-routes.ts). */

export type { FigureProblem };
export const FIGURE_KINDS = ['police', 'population'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];
export type FigureFormat = 'csv' | 'json';
export const POLICE_MEASURES = ['incidents_domestic_violence', 'crimes_domestic_violence'] as const;

export interface FiguresImportInput {
  kind: FigureKind;
  format: FigureFormat;
  content: string;
  source: string;
  sourceDate: string;
}

export type FiguresImportResult =
  | {
      outcome: 'imported';
      kind: FigureKind;
      figures: number;
      replaced: number;
      municipalities: number;
      years: { from: number; to: number };
    }
  | { outcome: 'rejected'; kind: FigureKind; problems: FigureProblem[] };

export interface FigurePoint {
  year: number;
  value: number;
  previous: number | null;
  change: number | null;
  sourceText: string;
  sourceDate: string | null;
  importedAt: string | null;
}

export interface FiguresOverview {
  kind: FigureKind;
  municipalities: { code: string; name: string }[];
  series: { municipalityCode: string; municipalityName: string; measure: string; points: FigurePoint[] }[];
  totals: {
    measure: string;
    points: {
      year: number;
      value: number;
      municipalities: number;
      complete: boolean;
      change: number | null;
    }[];
  }[];
}

export const figuresKeys = {
  overview: (kind: FigureKind) => ['insight-figures', kind] as const,
};

export const figuresApi = {
  importFigures: (input: FiguresImportInput) =>
    request<FiguresImportResult>('POST', '/api/insight/figures/import', input),
  overview: (kind: FigureKind) =>
    request<FiguresOverview>('GET', `/api/insight/figures?kind=${encodeURIComponent(kind)}`),
};

export function useFiguresOverview(kind: FigureKind) {
  return useQuery({ queryKey: figuresKeys.overview(kind), queryFn: () => figuresApi.overview(kind) });
}

export function useImportFigures() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: figuresApi.importFigures,
    onSuccess: (result) => {
      if (result.outcome === 'imported')
        void client.invalidateQueries({ queryKey: figuresKeys.overview(result.kind) });
    },
  });
}
