import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client.ts';

/** Report runs over the HTTP API (src/modules/insight/report-run-routes.ts). */

export const REPORT_KINDS = ['quarterly', 'yearly', 'baseline'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ReportRunInput {
  kind: ReportKind;
  from: string;
  to: string;
  municipalityCode?: string;
  format: ReportFormat;
  language: 'nl' | 'en';
}

export interface ReportRun {
  id: string;
  kind: ReportKind;
  from: string;
  to: string;
  municipalityCode: string | null;
  language: 'nl' | 'en';
  format: ReportFormat;
  status: RunStatus;
  progress: number;
  fileName: string | null;
  failure: { nl: string; en: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

export const reportKeys = {
  list: ['insight-reports'] as const,
  run: (id: string) => ['insight-reports', id] as const,
};

export const reportsApi = {
  request: (input: ReportRunInput) => request<ReportRun>('POST', '/api/insight/reports', input),
  list: () => request<ReportRun[]>('GET', '/api/insight/reports'),
  run: (id: string) => request<ReportRun>('GET', `/api/insight/reports/${encodeURIComponent(id)}`),
};

/** The file is a plain same-origin link: the browser downloads it with the session cookie. */
export function reportFileUrl(id: string): string {
  return `/api/insight/reports/${encodeURIComponent(id)}/file`;
}

export const isFinished = (run: ReportRun) => run.status === 'done' || run.status === 'failed';

export function useReportRuns() {
  return useQuery({
    queryKey: reportKeys.list,
    queryFn: reportsApi.list,
    refetchInterval: (query) => (query.state.data?.some((run) => !isFinished(run)) ? 2000 : false),
  });
}

/** Polls a run once a second until it is done or failed. */
export function useReportRun(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: reportKeys.run(id ?? ''),
    enabled: id !== null,
    queryFn: async () => {
      const run = await reportsApi.run(id ?? '');
      if (isFinished(run)) void client.invalidateQueries({ queryKey: reportKeys.list, exact: true });
      return run;
    },
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 1000),
  });
}

export function useRequestReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: reportsApi.request,
    onSuccess: (run) => {
      client.setQueryData(reportKeys.run(run.id), run);
      void client.invalidateQueries({ queryKey: reportKeys.list, exact: true });
    },
  });
}
