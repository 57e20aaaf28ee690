import { DateTime } from 'luxon';
import type { DocumentField, DocumentModel, Recipient } from '../../domain/front-door/anonymity.ts';
import { redactForRecipient } from '../../domain/front-door/anonymity.ts';
import type { Route } from '../../domain/front-door/route-decision.ts';
import { AMSTERDAM } from '../../domain/working-days.ts';
import { ROUTE_NAMES, ROUTE_SENTENCES } from './letter-texts.ts';

export interface LetterFacts {
  reference: string;
  receivedAt: Date;
  assessedAt: Date | null;
  route: Route | null;
  description: string;
  /** The reporter as addressed: a professional's organisation, or a resident's name. */
  reporterIdentity: string | null;
  /**
   * Every identifying part of the reporter on its own (full name, each name part, phone, e-mail,
   * organisation, the professional's own name), so each is masked wherever it appears.
   */
  reporterParts: string[];
  reporterKind: 'professional' | 'resident';
  householdNames: string[];
  informingDueAt: Date;
}

export interface Letter {
  recipient: 'reporter' | 'household';
  subject: string;
  paragraphs: string[];
  /** How many passages were left out or masked to protect the reporter. */
  protectedPassages: number;
  /** For Veilig Thuis: the letter must be sent by this date (household letters). */
  sendBy: string | null;
}

const day = (d: Date) => DateTime.fromJSDate(d, { zone: AMSTERDAM }).setLocale('nl').toFormat('d MMMM yyyy');

const field = (key: string, value: string, reporterIdentity = false): DocumentField => ({
  key,
  label: key,
  value,
  reporterIdentity,
  reporterId: reporterIdentity ? 'reporter' : null,
});

function identityFields(facts: LetterFacts): DocumentField[] {
  const parts = new Set(
    [facts.reporterIdentity ?? '', ...facts.reporterParts].map((p) => p.trim()).filter((p) => p.length >= 3),
  );
  return [...parts].map((part, i) => field(`identity:${i}`, part, true));
}

/** Every letter is a document model first, so it passes the anonymity rules before it is written. */
function render(
  model: DocumentModel,
  recipient: Recipient,
  meta: { recipient: Letter['recipient']; subject: string; sendBy: string | null },
): Letter {
  const redacted = redactForRecipient(model, recipient);
  return {
    recipient: meta.recipient,
    subject: meta.subject,
    paragraphs: redacted.document.fields.filter((f) => !f.key.startsWith('identity:')).map((f) => f.value),
    protectedPassages: redacted.removed + redacted.masked + redacted.withheld,
    sendBy: meta.sendBy,
  };
}

/** Wmo 2015 art. 4.1.1 (g): Veilig Thuis tells the reporter which steps followed. */
export function reporterLetter(facts: LetterFacts): Letter {
  const fields: DocumentField[] = [
    ...identityFields(facts),
    field('greeting', facts.reporterIdentity ? `Beste ${facts.reporterIdentity},` : 'Beste melder,', true),
    field(
      'received',
      `Op ${day(facts.receivedAt)} heeft u een melding gedaan bij Veilig Thuis (kenmerk ${facts.reference}). Dank u wel dat u dit heeft gedaan.`,
    ),
  ];
  if (facts.assessedAt && facts.route) {
    fields.push(
      field(
        'assessed',
        `Op ${day(facts.assessedAt)} heeft Veilig Thuis de veiligheid beoordeeld. Het besluit is: ${ROUTE_NAMES[facts.route]}.`,
      ),
    );
    fields.push(field('route', ROUTE_SENTENCES[facts.route]));
  } else {
    fields.push(
      field(
        'pending',
        'Veilig Thuis beoordeelt de veiligheid binnen vijf werkdagen na uw melding. U hoort daarna welke stap wij zetten.',
      ),
    );
  }
  fields.push(
    field(
      'privacy',
      'Om de privacy van het gezin te beschermen, vertellen wij u niet meer over de situatie dan nodig is.',
    ),
    field(
      'contact',
      `Heeft u vragen of zorgen? Bel Veilig Thuis op 0800-2000 (gratis, dag en nacht) en noem het kenmerk ${facts.reference}.`,
    ),
    field('closing', 'Met vriendelijke groet, Veilig Thuis'),
  );
  return render(
    { fields },
    { kind: 'reporter', reporterId: 'reporter' },
    { recipient: 'reporter', subject: `Uw melding ${facts.reference}`, sendBy: null },
  );
}

/**
 * Wmo 2015 art. 5.3.1: the persons about whom Veilig Thuis received data are informed, within
 * four weeks. The reporter's identity never reaches this letter, also not through the description.
 */
export function householdLetter(facts: LetterFacts): Letter {
  const fields: DocumentField[] = [
    ...identityFields(facts),
    field(
      'greeting',
      facts.householdNames.length ? `Beste ${facts.householdNames.join(', ')},` : 'Beste bewoners,',
    ),
    field(
      'received',
      `Veilig Thuis heeft op ${day(facts.receivedAt)} een melding ontvangen over zorgen in uw gezin (kenmerk ${facts.reference}). Met deze brief laten wij u dat weten.`,
    ),
    field('concern', `Waar de zorgen over gaan: ${facts.description}`),
  ];
  if (facts.assessedAt && facts.route) fields.push(field('route', ROUTE_SENTENCES[facts.route]));
  fields.push(
    field(
      'source',
      'Wie de melding heeft gedaan, staat niet in deze brief. Veilig Thuis vertelt dat alleen als het veilig kan.',
    ),
    field(
      'rights',
      'U mag de gegevens die Veilig Thuis over u heeft inzien. U mag ook vragen om iets te verbeteren of te verwijderen. Bel of schrijf ons daarvoor.',
    ),
    field(
      'contact',
      `Bel Veilig Thuis op 0800-2000 (gratis, dag en nacht) en noem het kenmerk ${facts.reference}.`,
    ),
    field('closing', 'Met vriendelijke groet, Veilig Thuis'),
  );
  return render(
    { fields },
    { kind: 'household' },
    {
      recipient: 'household',
      subject: `Melding over uw gezin (${facts.reference})`,
      sendBy: facts.informingDueAt.toISOString(),
    },
  );
}
