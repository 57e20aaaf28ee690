import type { ChecklistDefinition } from './risk-checklist.ts';

/**
 * The checklists Kring ships, as typed data. They live in code rather than in a configuration file
 * because a definition is part of how a stored result is read back: a published version never
 * changes, a change is a new entry with the next version, and old versions stay here so every
 * recorded result can still be shown with its own questions and weights. A change therefore goes
 * through review like any other rule change. A region that wants its own list adds an entry.
 *
 * The domestic-violence list is worded for Kring. Its risk factors are those that recur in public
 * research-based screening lists — the SafeLives DASH Risk Identification Checklist (UK, 2009),
 * J.C. Campbell's Danger Assessment (US) and the factors in B-SAFER — but no item is copied from
 * them, and the weights and bands are Kring's own, not a validated instrument's. That is one more
 * reason the score is advice only.
 */
export const DOMESTIC_VIOLENCE_RISK_V1: ChecklistDefinition = {
  id: 'domestic-violence-risk',
  version: 1,
  title: {
    nl: 'Risicosignalen huiselijk geweld',
    en: 'Domestic violence risk signals',
  },
  description: {
    nl: 'Vul samen met wat u weet van het slachtoffer, het netwerk en de dossiers in. Kies "onbekend" als u het niet weet: dat telt niet mee in de score, maar wordt wel getoond.',
    en: 'Fill in with what you know from the victim, the network and the records. Choose "unknown" when you do not know: it does not count in the score, but it is shown.',
  },
  inspiration: {
    nl: 'Geïnspireerd op de risicofactoren uit de SafeLives DASH-checklist, de Danger Assessment van J.C. Campbell en B-SAFER; eigen formulering, gewichten en grenzen, geen gevalideerd instrument.',
    en: "Inspired by the risk factors in the SafeLives DASH checklist, J.C. Campbell's Danger Assessment and B-SAFER; own wording, weights and thresholds, not a validated instrument.",
  },
  sections: [
    {
      id: 'violence',
      title: { nl: 'Geweld en dreiging', en: 'Violence and threats' },
      items: [
        {
          id: 'escalation',
          weight: 3,
          text: {
            nl: 'Het geweld komt de laatste tijd vaker voor of wordt ernstiger.',
            en: 'The violence has recently become more frequent or more severe.',
          },
        },
        {
          id: 'threats_to_kill',
          weight: 3,
          minimumBand: 'high',
          text: {
            nl: 'De pleger heeft gedreigd het slachtoffer, een kind of iemand anders te doden.',
            en: 'The perpetrator has threatened to kill the victim, a child or someone else.',
          },
        },
        {
          id: 'strangulation',
          weight: 4,
          minimumBand: 'high',
          text: {
            nl: 'De pleger heeft het slachtoffer ooit gewurgd, de keel dichtgeknepen of de adem benomen.',
            en: "The perpetrator has ever strangled or choked the victim or stopped the victim's breathing.",
          },
        },
        {
          id: 'weapon',
          weight: 3,
          minimumBand: 'elevated',
          text: {
            nl: 'De pleger heeft een wapen gebruikt of ermee gedreigd, of kan aan een (vuur)wapen komen.',
            en: 'The perpetrator has used or threatened with a weapon, or has access to a (fire)arm.',
          },
        },
        {
          id: 'injury',
          weight: 2,
          text: {
            nl: 'Het slachtoffer heeft letsel opgelopen door het geweld.',
            en: 'The victim has been injured by the violence.',
          },
        },
        {
          id: 'sexual_violence',
          weight: 2,
          text: {
            nl: 'De pleger heeft het slachtoffer tot seksuele handelingen gedwongen.',
            en: 'The perpetrator has forced the victim into sexual acts.',
          },
        },
        {
          id: 'victim_fear',
          weight: 2,
          text: {
            nl: 'Het slachtoffer is erg bang voor wat de pleger nog zal doen.',
            en: 'The victim is very afraid of what the perpetrator will do next.',
          },
        },
      ],
    },
    {
      id: 'relationship',
      title: { nl: 'Relatie en situatie', en: 'Relationship and situation' },
      items: [
        {
          id: 'separation',
          weight: 2,
          text: {
            nl: 'Het slachtoffer heeft de relatie kort geleden verbroken of wil dat doen.',
            en: 'The victim has recently ended the relationship or intends to.',
          },
        },
        {
          id: 'stalking',
          weight: 2,
          text: {
            nl: 'De pleger volgt, belaagt of controleert het slachtoffer (berichten, locatie, telefoon).',
            en: 'The perpetrator follows, harasses or monitors the victim (messages, location, phone).',
          },
        },
        {
          id: 'coercive_control',
          weight: 1,
          text: {
            nl: 'De pleger is extreem jaloers of bepaalt met wie het slachtoffer omgaat en waar het geld heen gaat.',
            en: 'The perpetrator is extremely jealous or decides whom the victim sees and where the money goes.',
          },
        },
        {
          id: 'pregnancy',
          weight: 2,
          text: {
            nl: 'Het slachtoffer is zwanger of is kortgeleden bevallen.',
            en: 'The victim is pregnant or has recently given birth.',
          },
        },
        {
          id: 'isolation',
          weight: 1,
          text: {
            nl: 'Het slachtoffer staat er alleen voor: weinig steun van familie of vrienden, of financieel afhankelijk.',
            en: 'The victim stands alone: little support from family or friends, or financially dependent.',
          },
        },
      ],
    },
    {
      id: 'children',
      title: { nl: 'Kinderen', en: 'Children' },
      items: [
        {
          id: 'children_witness',
          weight: 2,
          text: {
            nl: 'Kinderen zien of horen het geweld, of raken erbij betrokken.',
            en: 'Children see or hear the violence, or are drawn into it.',
          },
        },
        {
          id: 'child_harmed',
          weight: 3,
          minimumBand: 'elevated',
          text: {
            nl: 'De pleger heeft een kind geslagen, bedreigd of verwaarloosd.',
            en: 'The perpetrator has hit, threatened or neglected a child.',
          },
        },
        {
          id: 'child_not_perpetrators',
          weight: 1,
          text: {
            nl: 'Er woont een kind in huis dat niet van de pleger is.',
            en: 'A child lives in the home who is not the perpetrator’s own.',
          },
        },
      ],
    },
    {
      id: 'perpetrator',
      title: { nl: 'Pleger', en: 'Perpetrator' },
      items: [
        {
          id: 'substance_abuse',
          weight: 1,
          text: {
            nl: 'De pleger gebruikt problematisch alcohol of drugs.',
            en: 'The perpetrator has a problem with alcohol or drugs.',
          },
        },
        {
          id: 'suicidal_or_unstable',
          weight: 2,
          text: {
            nl: 'De pleger heeft gesproken over zelfdoding of heeft ernstige psychische problemen.',
            en: 'The perpetrator has talked about suicide or has serious mental health problems.',
          },
        },
        {
          id: 'violent_history',
          weight: 2,
          text: {
            nl: 'De pleger heeft eerder geweld gebruikt, ook buiten het gezin, of is daarvoor met de politie in aanraking geweest.',
            en: 'The perpetrator has used violence before, also outside the family, or has been in contact with the police for it.',
          },
        },
        {
          id: 'breached_orders',
          weight: 2,
          text: {
            nl: 'De pleger heeft een huisverbod, contactverbod of gemaakte afspraken overtreden.',
            en: 'The perpetrator has breached a restraining order, a no-contact order or agreements made.',
          },
        },
      ],
    },
  ],
  // 40 points in all. Elevated from a quarter, high from a little over half — in the spirit of the
  // DASH practice of treating 14 of 24 "yes" answers as high risk — plus the items' own floors.
  bands: { elevatedFrom: 10, highFrom: 22 },
};

/** Every version ever published; results refer to (id, version). */
export const RISK_CHECKLISTS: readonly ChecklistDefinition[] = [DOMESTIC_VIOLENCE_RISK_V1];

export function findChecklist(id: string, version: number): ChecklistDefinition | undefined {
  return RISK_CHECKLISTS.find((d) => d.id === id && d.version === version);
}

/** The newest version of each checklist: what a professional fills in today. */
export function listCurrentChecklists(): ChecklistDefinition[] {
  const newest = new Map<string, ChecklistDefinition>();
  for (const d of RISK_CHECKLISTS) {
    const seen = newest.get(d.id);
    if (!seen || seen.version < d.version) newest.set(d.id, d);
  }
  return [...newest.values()];
}
