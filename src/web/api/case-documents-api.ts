import { ApiError, api, type Language, request, toApiError } from './client.ts';
import type { InformationCategory } from './codes.ts';

/** Case documents over the HTTP API (src/modules/cases/checklist-document-routes.ts). */

export const DOCUMENT_KINDS = ['pdf', 'png', 'jpeg', 'text', 'docx', 'odt'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** The server's limit (src/domain/casework/document-file.ts); checked here too, to save a long upload. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,.docx,.odt';

export interface CaseDocument {
  id: string;
  fileName: string;
  kind: DocumentKind;
  size: number;
  category: InformationCategory;
  organisation: string;
  uploadedBy: string;
  uploadedAt: string;
  canRemove: boolean;
}

const id = (value: string) => encodeURIComponent(value);

const SIGNED_OUT = { nl: 'U bent niet ingelogd.', en: 'You are not signed in.' };
const NETWORK_FAILURE = {
  nl: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
  en: 'The server cannot be reached. Check your connection and try again.',
};

/**
 * The one upload in the app: multipart/form-data, which the JSON-only request() cannot send. It asks
 * the session for the current CSRF token (as request() does before a first write) and sends it in
 * the same header; errors come back as the same ApiError.
 */
async function upload(
  caseId: string,
  input: { category: InformationCategory; file: File },
  language: Language,
) {
  const session = await api.session();
  if (!session.signedIn) throw new ApiError(401, 'unauthenticated', SIGNED_OUT);
  const form = new FormData();
  form.set('category', input.category);
  form.set('file', input.file, input.file.name);
  let response: Response;
  try {
    response = await fetch(`/api/cases/${id(caseId)}/documents`, {
      method: 'POST',
      headers: { accept: 'application/json', 'accept-language': language, 'x-csrf-token': session.csrfToken },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_FAILURE);
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, data);
  return data as { id: string; fileName: string; kind: DocumentKind; size: number };
}

export const caseDocumentsApi = {
  list: (caseId: string, category?: InformationCategory) =>
    request<{ documents: CaseDocument[]; withheld: number }>(
      'GET',
      `/api/cases/${id(caseId)}/documents${category ? `?category=${id(category)}` : ''}`,
    ),
  upload,
  remove: (caseId: string, documentId: string) =>
    request<{ ok: true }>('DELETE', `/api/cases/${id(caseId)}/documents/${id(documentId)}`),
  /** A plain link: the browser sends the session cookie and saves the attachment. */
  contentUrl: (caseId: string, documentId: string) =>
    `/api/cases/${id(caseId)}/documents/${id(documentId)}/content`,
};

export const caseDocumentKeys = {
  list: (caseId: string, category: InformationCategory | '') =>
    ['cases', 'documents', caseId, category] as const,
  all: (caseId: string) => ['cases', 'documents', caseId] as const,
};
