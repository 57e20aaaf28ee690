import { DateTime } from 'luxon';
import { type DocumentField, redactForRecipient } from '../../domain/front-door/anonymity.ts';
import { AMSTERDAM } from '../../domain/working-days.ts';

/** Why a case closes; the code is kept, the sentence goes into the household's letter. */
export const CLOSURE_REASONS = ['safety_stable', 'regular_help', 'moved_away', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Short Dutch names of the reasons, for the phase history the team reads. */
const CLOSURE_REASON_NAMES: Readonly<Record<ClosureReason, string>> = {
  safety_stable: 'veiligheid stabiel',
  regular_help: 'verder met gewone hulp',
  moved_away: 'verhuisd, hulp overgedragen',
  other: 'andere reden',
};

/** The reason of the phase change to "closed", as the team reads it in the phase history. */
export function closurePhaseReason(reasonCode: ClosureReason, explanation: string): string {
  return `Afgesloten (${CLOSURE_REASON_NAMES[reasonCode]}): ${explanation}`;
}

/** Plain Dutch (B1): short sentences, no jargon, "u" form. */
export const CLOSURE_REASON_SENTENCES: Readonly<Record<ClosureReason, string>> = {
  safety_stable:
    'De situatie thuis is nu al een tijd veilig. De afspraken die we samen hebben gemaakt, lopen goed.',
  regular_help:
    'Het is thuis veiliger geworden. U krijgt verder gewone hulp. Daarvoor is onze samenwerking niet meer nodig.',
  moved_away:
    'U bent verhuisd. De hulp rond uw gezin gaat verder in uw nieuwe woonplaats. Wij hebben de hulp daar overgedragen.',
  other: 'Wij sluiten de samenwerking af om de reden die hieronder staat.',
};

export interface ClosureLetterFacts {
  caseReference: string;
  openedAt: Date;
  closedAt: Date;
  reasonCode: ClosureReason;
  explanation: string;
  /** Adults of the household, addressed by name; children are not addressed. */
  addressees: string[];
  hasSafetyPlan: boolean;
  /**
   * Every identifying part of every reporter of the case's reports (names, name parts, phone,
   * e-mail, organisation, the professional's own name): each is masked wherever it appears.
   */
  reporterParts: string[];
}

export interface ClosureLetter {
  subject: string;
  paragraphs: string[];
  /** Passages left out or masked to protect a reporter. */
  protectedPassages: number;
}

const day = (d: Date) => DateTime.fromJSDate(d, { zone: AMSTERDAM }).setLocale('nl').toFormat('d MMMM yyyy');

const text = (key: string, value: string): DocumentField => ({
  key,
  label: key,
  value,
  reporterIdentity: false,
  reporterId: null,
});

/**
 * The letter to the household when its case closes (issue 3 §11; approach.md principle 6: the
 * household understands every step and decision). It never names a reporter: the letter is a
 * document model first and passes the anonymity rules for the household, so a reporter's name in
 * the explanation is masked, and it is signed by the team, not by a person (the coordinator is
 * often the local-team professional who reported).
 */
export function closureLetter(facts: ClosureLetterFacts): ClosureLetter {
  const identities = [...new Set(facts.reporterParts.map((p) => p.trim()).filter((p) => p.length >= 3))];
  const fields: DocumentField[] = [
    ...identities.map((value, i) => ({
      key: `identity:${i}`,
      label: `identity:${i}`,
      value,
      reporterIdentity: true,
      reporterId: 'reporter',
    })),
    text('greeting', facts.addressees.length ? `Beste ${facts.addressees.join(', ')},` : 'Beste bewoners,'),
    text(
      'together',
      `Sinds ${day(facts.openedAt)} werken wij samen met u aan de veiligheid in uw gezin (kenmerk ${facts.caseReference}).`,
    ),
    text(
      'decision',
      `Op ${day(facts.closedAt)} hebben wij besloten om deze samenwerking af te sluiten. Met deze brief laten wij u dat weten.`,
    ),
    text('reason', CLOSURE_REASON_SENTENCES[facts.reasonCode]),
    text('explanation', `Wat wij nog willen zeggen: ${facts.explanation}`),
  ];
  if (facts.hasSafetyPlan) {
    fields.push(
      text(
        'plan',
        'Het veiligheidsplan blijft belangrijk. Houd u aan de afspraken die erin staan, ook nu wij stoppen.',
      ),
    );
  }
  fields.push(
    text(
      'again',
      'Gaat het thuis toch weer niet goed? Of maakt u zich zorgen? Bel dan Veilig Thuis: 0800-2000. Dat is gratis en kan dag en nacht. Is er direct gevaar? Bel dan 112.',
    ),
    text('source', 'Wie zich eerder zorgen over uw gezin heeft gemeld, staat niet in deze brief.'),
    text(
      'rights',
      `U mag de gegevens die wij over u hebben bekijken. U mag ook vragen om iets te verbeteren of te verwijderen. Noem daarbij het kenmerk ${facts.caseReference}.`,
    ),
    text('closing', 'Met vriendelijke groet, het team rond uw gezin'),
  );
  const redacted = redactForRecipient({ fields }, { kind: 'household' });
  return {
    subject: `Afsluiting van de hulp rond uw gezin (kenmerk ${facts.caseReference})`,
    paragraphs: redacted.document.fields.map((f) => f.value),
    protectedPassages: redacted.masked + redacted.withheld,
  };
}

/** Adults on the day of closing (18 or older), so the letter addresses the grown-ups only. */
export function adultsOn(members: readonly { fullName: string; dateOfBirth: string }[], on: Date): string[] {
  const today = DateTime.fromJSDate(on, { zone: AMSTERDAM }).startOf('day');
  return members
    .filter((m) => {
      const born = DateTime.fromISO(m.dateOfBirth, { zone: AMSTERDAM });
      return born.isValid && born.plus({ years: 18 }) <= today;
    })
    .map((m) => m.fullName);
}
