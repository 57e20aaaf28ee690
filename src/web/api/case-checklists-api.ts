import type { ChecklistAnswer, ChecklistDefinition, RiskBand } from '../../domain/casework/risk-checklist.ts';
import { request } from './client.ts';
import type { InformationCategory } from './codes.ts';

/** Risk checklists over the HTTP API (src/modules/cases/checklist-document-routes.ts). */

export const RISK_BANDS = ['low', 'elevated', 'high'] as const satisfies readonly RiskBand[];
export const CHECKLIST_ANSWERS = ['yes', 'no', 'unknown'] as const satisfies readonly ChecklistAnswer[];
export type { ChecklistAnswer, RiskBand };

interface Localised {
  nl: string;
  en: string;
}

export interface ChecklistDefinitionView {
  id: string;
  version: number;
  title: Localised;
  description: Localised;
  inspiration: Localised;
  sections: {
    id: string;
    title: Localised;
    items: { id: string; weight: number; minimumBand: RiskBand | null; text: Localised }[];
  }[];
  bands: { elevatedFrom: number; highFrom: number };
  maxScore: number;
}

export interface ChecklistResult {
  id: string;
  checklistId: string;
  version: number;
  title: Localised;
  category: InformationCategory;
  organisation: string;
  recordedBy: string;
  recordedAt: string;
  answers: Record<string, ChecklistAnswer>;
  score: number;
  maxScore: number;
  advisedBand: RiskBand;
  bandIfUnknownsYes: RiskBand;
  unknownCount: number;
  conclusion: RiskBand;
  overridden: boolean;
  overrideReason: string | null;
}

export interface ChecklistResultInput {
  checklistId: string;
  version: number;
  category: InformationCategory;
  answers: Record<string, ChecklistAnswer>;
  conclusion: RiskBand;
  overrideReason?: string;
}

/** The definition as the pure scoring rule takes it, for the preview while filling in. */
export function toDefinition(view: ChecklistDefinitionView): ChecklistDefinition {
  return {
    ...view,
    sections: view.sections.map((s) => ({
      ...s,
      items: s.items.map(({ minimumBand, ...item }) => (minimumBand ? { ...item, minimumBand } : item)),
    })),
  };
}

const id = (value: string) => encodeURIComponent(value);

export const caseChecklistsApi = {
  definitions: () => request<ChecklistDefinitionView[]>('GET', '/api/checklists'),
  results: (caseId: string, category?: InformationCategory) =>
    request<{ results: ChecklistResult[]; withheld: number }>(
      'GET',
      `/api/cases/${id(caseId)}/checklists${category ? `?category=${id(category)}` : ''}`,
    ),
  record: (caseId: string, input: ChecklistResultInput) =>
    request<{ id: string; score: number; advisedBand: RiskBand; overridden: boolean }>(
      'POST',
      `/api/cases/${id(caseId)}/checklists`,
      input,
    ),
};

export const caseChecklistKeys = {
  definitions: ['checklists', 'definitions'] as const,
  results: (caseId: string, category: InformationCategory | '') =>
    ['cases', 'checklists', caseId, category] as const,
  allResults: (caseId: string) => ['cases', 'checklists', caseId] as const,
};
