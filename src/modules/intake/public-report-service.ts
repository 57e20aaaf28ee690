import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import type { RequestContext } from '../access/request-context.ts';
import type { Deps } from '../deps.ts';
import { insertReport } from './report-writer.ts';
import type { PublicReportInput } from './schemas.ts';
import { findIntakeRoute } from './store.ts';

/**
 * A resident reports through the public page. A report needs a reporter known to Veilig Thuis
 * (reference §1): name and a way to reach them are required and kept encrypted; the resident may
 * ask to stay anonymous towards the household, which the report then carries everywhere.
 */
export async function createPublicReport(deps: Deps, ctx: RequestContext, input: PublicReportInput) {
  const route = await findIntakeRoute(deps.db, input.municipalityCode);
  if (!route)
    throw new AppError('validation_failed', [
      { path: 'body.municipalityCode', message: FIELD_MESSAGES.no_veilig_thuis },
    ]);
  const { reporter, ...report } = input;
  const written = await deps.db.transaction().execute((trx) =>
    insertReport(
      trx,
      deps,
      ctx,
      null,
      { ...report, notes: [] },
      {
        regionId: route.region_id,
        source: 'public',
        externalRef: null,
        resident: {
          identity: { name: reporter.name, phone: reporter.phone, email: reporter.email },
          anonymousToHousehold: reporter.anonymousToHousehold,
        },
      },
    ),
  );
  // The resident gets the reference to quote when calling Veilig Thuis; nothing else comes back.
  return { reference: written.reference };
}
