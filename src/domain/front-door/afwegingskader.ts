/**
 * The afwegingskader (weighing framework) of the meldcode, mandatory since 1 January 2019
 * (Besluit verplichte meldcode, as amended; reference §3). Five questions, answered in step 4 of
 * the meldcode; the answers decide step 5.
 *
 * The question texts are data with a version id: a record stores the version it was answered
 * under, so a later wording change never rewrites what a professional once answered. Sources
 * differ on what question 1 builds on: the framework as published with many sector meldcodes
 * says "stappen 1 tot en met 3", the NJi page says "stappen 1 tot en met 4". Both are kept.
 * The wording follows those sources closely but is not a certified copy: a region checks it
 * against its sector's meldcode and adds a new version rather than editing one in use.
 */

export type WeighingQuestionNumber = 1 | 2 | 3 | 4 | 5;
export const WEIGHING_QUESTION_NUMBERS: readonly WeighingQuestionNumber[] = [1, 2, 3, 4, 5];

export interface WeighingQuestionText {
  number: WeighingQuestionNumber;
  nl: string;
  en: string;
}

export interface WeighingTextVersion {
  id: string;
  validFrom: string;
  source: string;
  questions: readonly WeighingQuestionText[];
}

function questionsBuildingOn(stepsNl: string, stepsEn: string): readonly WeighingQuestionText[] {
  return [
    {
      number: 1,
      nl: `Is er op basis van de ${stepsNl} van de meldcode een vermoeden van (dreiging van) huiselijk geweld en/of kindermishandeling?`,
      en: `Based on ${stepsEn} of the reporting code, is there a suspicion of (the threat of) domestic violence and/or child abuse?`,
    },
    {
      number: 2,
      nl: 'Is er sprake van acute onveiligheid en/of structurele onveiligheid?',
      en: 'Is there acute and/or structural unsafety?',
    },
    {
      number: 3,
      nl: 'Ben ik in staat om effectieve hulp te bieden of te organiseren om de (dreiging van) huiselijk geweld en/of kindermishandeling af te wenden?',
      en: 'Am I able to offer or organise effective help to avert the (threat of) domestic violence and/or child abuse?',
    },
    {
      number: 4,
      nl: 'Aanvaarden de betrokkenen de hulp zoals hiervoor bedoeld en zijn zij bereid zich in te zetten?',
      en: 'Do those involved accept this help and are they willing to commit to it?',
    },
    {
      number: 5,
      nl: 'Leidt de hulp binnen de gewenste termijn tot de benodigde resultaten ten aanzien van de veiligheid en/of het welzijn van alle betrokkenen?',
      en: 'Does the help lead, within the required time, to the necessary results regarding the safety and/or well-being of everyone involved?',
    },
  ];
}

export const WEIGHING_TEXT_VERSIONS: readonly WeighingTextVersion[] = [
  {
    id: '2019-1',
    validFrom: '2019-01-01',
    source:
      'Afwegingskader meldcode 2019, wording "stappen 1 tot en met 3" (handelingsprotocol.nl, afwegingskadermeldcode.nl)',
    questions: questionsBuildingOn('stappen 1 tot en met 3', 'steps 1 to 3'),
  },
  {
    id: '2019-1-nji',
    validFrom: '2019-01-01',
    source: 'Afwegingskader meldcode 2019, wording "stappen 1 tot en met 4" (nji.nl)',
    questions: questionsBuildingOn('stappen 1 tot en met 4', 'steps 1 to 4'),
  },
];

export const DEFAULT_WEIGHING_TEXT_VERSION = '2019-1';

export function findWeighingTextVersion(id: string): WeighingTextVersion {
  const found = WEIGHING_TEXT_VERSIONS.find((v) => v.id === id);
  if (!found) throw new RangeError(`unknown afwegingskader text version: ${id}`);
  return found;
}

/** Answers so far; an absent answer means the question has not been answered yet. */
export type WeighingAnswers = Partial<Record<`q${WeighingQuestionNumber}`, boolean>>;

export type WeighingOutcome = 'close' | 'report' | 'help_and_follow_up' | 'close_with_follow_up_agreements';

export type WeighingReason =
  | 'no_suspicion'
  | 'acute_or_structural_unsafety'
  | 'cannot_offer_help'
  | 'help_not_accepted'
  | 'safety_not_achieved'
  | 'help_accepted'
  | 'safety_achieved';

export type WeighingDecision =
  | { kind: 'question'; question: WeighingQuestionNumber }
  | {
      kind: 'outcome';
      outcome: WeighingOutcome;
      reason: WeighingReason;
      /** Help is under way: question 5 is asked at the follow-up moment. */
      followUpQuestion?: 5;
    };

/**
 * The next question, or the outcome, for the answers given so far.
 *
 * A yes to question 2 decides on its own, whatever else was (or was not) answered: acute or
 * structural unsafety always leads to a report, and questions 3–5 are then answered together
 * with Veilig Thuis. Answers to questions that the flow never reached are ignored.
 */
export function decideWeighing(answers: WeighingAnswers): WeighingDecision {
  if (answers.q2 === true) return report('acute_or_structural_unsafety');
  if (answers.q1 === undefined) return { kind: 'question', question: 1 };
  if (answers.q1 === false) return { kind: 'outcome', outcome: 'close', reason: 'no_suspicion' };
  if (answers.q2 === undefined) return { kind: 'question', question: 2 };
  if (answers.q3 === undefined) return { kind: 'question', question: 3 };
  if (answers.q3 === false) return report('cannot_offer_help');
  if (answers.q4 === undefined) return { kind: 'question', question: 4 };
  if (answers.q4 === false) return report('help_not_accepted');
  if (answers.q5 === undefined)
    return { kind: 'outcome', outcome: 'help_and_follow_up', reason: 'help_accepted', followUpQuestion: 5 };
  if (answers.q5 === false) return report('safety_not_achieved');
  return { kind: 'outcome', outcome: 'close_with_follow_up_agreements', reason: 'safety_achieved' };
}

function report(reason: WeighingReason): WeighingDecision {
  return { kind: 'outcome', outcome: 'report', reason };
}

/** True when the flow has reached an outcome that needs no further answer from the professional. */
export function isFinalWeighingDecision(decision: WeighingDecision): boolean {
  return decision.kind === 'outcome' && decision.outcome !== 'help_and_follow_up';
}
