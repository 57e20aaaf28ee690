import type { RequestContext } from '../access/request-context.ts';
import type { Deps } from '../deps.ts';
import { executeReportRun, type ReportBuilder, type ReportScheduler } from './report-run-service.ts';

/**
 * Runs report runs in this process, one at a time in the order they were requested: a report reads
 * much of the database and renders a file, and two cores are shared with the web requests. Progress
 * is in the database, so any instance can answer a poll; a run whose process went away is marked
 * failed when it is next read (report-run-service.ts, STALE_AFTER_MS).
 */
export interface ReportRunner extends ReportScheduler {
  /** Resolves when every run enqueued so far has finished (used on shutdown). */
  idle(): Promise<void>;
}

export function createReportRunner(
  deps: Deps,
  build: ReportBuilder,
  onError: (error: unknown) => void,
): ReportRunner {
  let tail: Promise<void> = Promise.resolve();
  return {
    enqueue(ctx: RequestContext, runId: string) {
      tail = tail.then(() => executeReportRun(deps, ctx, runId, build)).catch(onError);
    },
    idle: () => tail,
  };
}
