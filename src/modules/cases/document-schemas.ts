import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../domain/casework/document-file.ts';
import { INFORMATION_CATEGORIES } from '../../domain/information-category.ts';

export const documentParams = z.object({ id: z.uuid(), documentId: z.uuid() }).strict();

export const documentCreated = z.object({
  id: z.uuid(),
  fileName: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  size: z.number(),
  category: z.enum(INFORMATION_CATEGORIES),
});

export const documentView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  size: z.number(),
  category: z.enum(INFORMATION_CATEGORIES),
  organisation: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** The reader added it, or coordinates the case. */
  canRemove: z.boolean(),
});

export const documentList = z.object({
  documents: z.array(documentView),
  /** Documents on the case in categories the reader's organisation may not read. */
  withheld: z.number(),
});
