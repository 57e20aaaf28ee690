import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdviceChannel, AskerRole, ReporterKind, ViolenceDuration } from '../../domain/advice.ts';
import { request } from './client.ts';
import type { PersonRole, ViolenceKind } from './codes.ts';
import type { ReportDetail } from './types.ts';

/**
 * Advice requests (adviesvragen) and the public pages for residents. The code lists are repeated
 * here (the web bundle talks to the server over HTTP only); the type checks at the bottom fail the
 * build when the server's lists change and these do not.
 */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const ADVICE_CHANNELS = ['web', 'public', 'phone', 'chat'] as const;
export const CONTACT_CHANNELS = ['phone', 'chat'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const ASKER_ROLES = [
  'non_professional',
  'health_care',
  'childcare',
  'education',
  'school_attendance',
  'youth_care',
  'justice_security',
  'other_veilig_thuis_region',
  'other_professional',
] as const;
/** A professional asking from the web app cannot be a non-professional. */
export const PROFESSIONAL_ASKER_ROLES = ASKER_ROLES.filter(
  (role): role is Exclude<AskerRole, 'non_professional'> => role !== 'non_professional',
);
export const VIOLENCE_DURATIONS = [
  'single_incident',
  'under_6_months',
  '6_months_or_more',
  'unknown',
] as const;
export const ADVICE_STATUSES = ['open', 'answered'] as const;
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];
export type { AdviceChannel, AskerRole, ReporterKind, ViolenceDuration };

const channelsMatch: Same<(typeof ADVICE_CHANNELS)[number], AdviceChannel> = true;
const rolesMatch: Same<(typeof ASKER_ROLES)[number], AskerRole> = true;
const durationsMatch: Same<(typeof VIOLENCE_DURATIONS)[number], ViolenceDuration> = true;
export const ADVICE_CODE_LISTS_MATCH_SERVER = channelsMatch && rolesMatch && durationsMatch;

/** Fields every advice request has, whoever asks. */
export interface AdviceBase {
  municipalityCode: string;
  violenceKinds: ViolenceKind[];
  violenceDuration: ViolenceDuration;
  question: string;
}

/** POST /api/advice: a professional asks (client-work roles). */
export interface ProfessionalAdviceInput extends AdviceBase {
  askerRole: Exclude<AskerRole, 'non_professional'>;
  askerFunction?: string;
}

/** POST /api/veilig-thuis/contacts: Veilig Thuis records a phone or chat contact. */
export interface ContactInput extends AdviceBase {
  channel: ContactChannel;
  askerRole: AskerRole;
  askerFunction?: string;
  askerOrganisation?: string;
  anonymous: boolean;
  contact?: string;
}

/** POST /api/public/advice: a resident asks, anonymously if they wish. */
export interface PublicAdviceInput extends AdviceBase {
  anonymous: boolean;
  contact?: string;
}

export interface PublicReportInput {
  municipalityCode: string;
  persons: { fullName: string; dateOfBirth: string; bsn?: string; role: PersonRole }[];
  violenceKinds: ViolenceKind[];
  acute: boolean;
  description: string;
  reporter: { name: string; phone?: string; email?: string; anonymousToHousehold: boolean };
}

export interface CreatedAdvice {
  id: string;
  reference: string;
}

export interface AdviceRequest {
  id: string;
  reference: string;
  channel: string;
  municipalityName: string;
  askerRole: string;
  askerFunction: string | null;
  askerOrganisation: string | null;
  anonymous: boolean;
  /** Only for Veilig Thuis. */
  contact: string | null;
  violenceKinds: string[];
  violenceDuration: string;
  question: string;
  receivedAt: string;
  status: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface PublicMunicipality {
  cbsCode: string;
  name: string;
  veiligThuis: string;
}

/** Who made a report, as GET /api/reports/:id now tells. */
export interface ReportReporter {
  kind: ReporterKind;
  /** Name and contact of a resident reporter; only Veilig Thuis sees it. */
  identity: string | null;
  anonymousToHousehold: boolean;
}

/** The report detail with the reporter fields (a resident's report has no creating organisation). */
export type ReportDetailWithReporter = Omit<ReportDetail, 'createdByOrganisation'> & {
  createdByOrganisation: string | null;
  /** Absent from servers before the public pages. */
  reporter?: ReportReporter;
};

const id = (value: string) => encodeURIComponent(value);

export const adviceApi = {
  ask: (input: ProfessionalAdviceInput) => request<CreatedAdvice>('POST', '/api/advice', input),
  recordContact: (input: ContactInput) => request<CreatedAdvice>('POST', '/api/veilig-thuis/contacts', input),
  list: (openOnly: boolean) => request<AdviceRequest[]>('GET', `/api/advice?open=${String(openOnly)}`),
  answer: (adviceId: string, answer: string) =>
    request<{ ok: true }>('POST', `/api/advice/${id(adviceId)}/answer`, { answer }),
  publicMunicipalities: () => request<PublicMunicipality[]>('GET', '/api/public/municipalities'),
  askAsResident: (input: PublicAdviceInput) =>
    request<{ reference: string }>('POST', '/api/public/advice', input),
  reportAsResident: (input: PublicReportInput) =>
    request<{ reference: string }>('POST', '/api/public/reports', input),
};

export const adviceKeys = {
  all: ['advice'] as const,
  list: (openOnly: boolean) => ['advice', 'list', openOnly] as const,
  publicMunicipalities: ['public', 'municipalities'] as const,
};

/** Oldest first: the longest waiting question is answered first. */
export function oldestFirst(requests: readonly AdviceRequest[]): AdviceRequest[] {
  return [...requests].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

export function useAdviceList(openOnly: boolean) {
  return useQuery({ queryKey: adviceKeys.list(openOnly), queryFn: () => adviceApi.list(openOnly) });
}

export function usePublicMunicipalities() {
  return useQuery({
    queryKey: adviceKeys.publicMunicipalities,
    queryFn: async () =>
      (await adviceApi.publicMunicipalities()).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    staleTime: 60 * 60_000,
  });
}

function useAdviceMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adviceKeys.all }),
  });
}

export const useAskAdvice = () => useAdviceMutation(adviceApi.ask);
export const useRecordContact = () => useAdviceMutation(adviceApi.recordContact);
export const useAnswerAdvice = () =>
  useAdviceMutation((input: { id: string; answer: string }) => adviceApi.answer(input.id, input.answer));
export const useAskAdviceAsResident = () => useMutation({ mutationFn: adviceApi.askAsResident });
export const useReportAsResident = () => useMutation({ mutationFn: adviceApi.reportAsResident });
