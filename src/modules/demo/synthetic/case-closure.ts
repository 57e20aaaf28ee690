import {
  CLOSURE_REASON_SENTENCES,
  type ClosureReason,
  closurePhaseReason,
} from '../../cases/closure-letter.ts';
import type { BulkWriter } from './bulk-writer.ts';
import { CLOSURE_REASON_WEIGHTS } from './calibration.ts';
import type { IdSource } from './ids.ts';
import type { Random } from './random.ts';
import type { StaffMember } from './staff.ts';
import { CLOSURE_EXPLANATIONS, CLOSURE_LETTER_NOTICE, SYNTHETIC_MARK } from './texts.ts';

/**
 * The reasoned closure of a case (issue 3 §11) as closeCase records it: a reason code, an
 * explanation, the coordinator who closed it, the instant of household_case.closed_at, and the phase
 * history's reason in the service's wording. The letter is a short synthetic text, not the generated
 * letter: it names nobody and says it is invented. The planner never reopens a closed case (a new
 * report about a closed household opens a new case), so there are no reopenings.
 */
export interface PlannedClosure {
  reasonCode: ClosureReason;
  explanation: string;
  by: StaffMember;
}

export function planClosure(rng: Random, by: StaffMember): PlannedClosure & { phaseReason: string } {
  const reasonCode = rng.weighted(CLOSURE_REASON_WEIGHTS);
  const explanation = CLOSURE_EXPLANATIONS[reasonCode] ?? SYNTHETIC_MARK;
  return {
    reasonCode,
    explanation,
    by,
    phaseReason: closurePhaseReason(reasonCode, explanation),
  };
}

export async function writeClosure(
  writer: BulkWriter,
  ids: IdSource,
  kase: { id: string; reference: string; closedAt: number },
  closure: PlannedClosure,
): Promise<number> {
  await writer.add('case_closure', {
    id: ids.next('closure'),
    case_id: kase.id,
    reason_code: closure.reasonCode,
    explanation: closure.explanation,
    closed_by_user_id: closure.by.userId,
    organisation_id: closure.by.organisationId,
    closed_at: kase.closedAt,
    letter_subject: `${SYNTHETIC_MARK} Afsluiting van de hulp rond uw gezin (kenmerk ${kase.reference})`,
    letter_paragraphs: [
      'Beste bewoners,',
      CLOSURE_LETTER_NOTICE,
      CLOSURE_REASON_SENTENCES[closure.reasonCode],
      `Wat wij nog willen zeggen: ${closure.explanation}`,
      'Met vriendelijke groet, het team rond uw gezin',
    ],
    letter_protected_passages: 0,
  });
  return 1;
}
