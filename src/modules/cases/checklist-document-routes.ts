import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../domain/casework/document-file.ts';
import type { Deps } from '../deps.ts';
import {
  categoryQuery,
  checklistDefinitionView,
  checklistResultCreated,
  checklistResultInput,
  checklistResultList,
} from './checklist-schemas.ts';
import {
  listCaseChecklistResults,
  listChecklistDefinitions,
  recordChecklistResult,
} from './checklist-service.ts';
import { documentCreated, documentList, documentParams } from './document-schemas.ts';
import {
  downloadCaseDocument,
  listCaseDocuments,
  removeCaseDocument,
  uploadCaseDocument,
} from './document-service.ts';
import { readDocumentUpload, UPLOAD_LIMITS } from './document-upload.ts';
import { idParams } from './schemas.ts';

const checklistTags = ['cases', 'checklists'];
const documentTags = ['cases', 'documents'];

/** Risk checklists and documents (issue 3 §6, §10). */
export function registerChecklistDocumentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/checklists',
    {
      schema: {
        tags: checklistTags,
        summary:
          'The risk checklists in use, with questions, weights and score bands (the score is advice only)',
        response: { 200: z.array(checklistDefinitionView) },
      },
    },
    async (request) => listChecklistDefinitions(request.ctx),
  );

  r.post(
    '/api/cases/:id/checklists',
    {
      schema: {
        tags: checklistTags,
        summary:
          'Record a filled-in risk checklist: the server scores it; a conclusion that differs from the advice needs a reason',
        params: idParams,
        body: checklistResultInput,
        response: { 201: checklistResultCreated },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordChecklistResult(deps, request.ctx, request.params.id, request.body)),
  );

  r.get(
    '/api/cases/:id/checklists',
    {
      schema: {
        tags: checklistTags,
        summary: 'Checklist results on the case that your organisation may read (optionally one category)',
        params: idParams,
        querystring: categoryQuery,
        response: { 200: checklistResultList },
      },
    },
    async (request) => listCaseChecklistResults(deps, request.ctx, request.params.id, request.query.category),
  );

  r.get(
    '/api/cases/:id/documents',
    {
      schema: {
        tags: documentTags,
        summary: 'Documents on the case that your organisation may read (optionally one category)',
        params: idParams,
        querystring: categoryQuery,
        response: { 200: documentList },
      },
    },
    async (request) => listCaseDocuments(deps, request.ctx, request.params.id, request.query.category),
  );

  r.get(
    '/api/cases/:id/documents/:documentId/content',
    {
      schema: {
        tags: documentTags,
        summary: 'Download a document (always as an attachment) if your organisation may read its category',
        params: documentParams,
      },
    },
    async (request, reply) => {
      const file = await downloadCaseDocument(
        deps,
        request.ctx,
        request.params.id,
        request.params.documentId,
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  );

  r.delete(
    '/api/cases/:id/documents/:documentId',
    {
      schema: {
        tags: documentTags,
        summary: 'Remove a document (by whoever added it or the coordinator); it is kept for the audit trail',
        params: documentParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => removeCaseDocument(deps, request.ctx, request.params.id, request.params.documentId),
  );

  // Uploads are the one place that takes multipart/form-data. The parser is registered in this
  // encapsulated plugin only, so every other route stays JSON-only; CSRF is checked by the global
  // preHandler before the body is read.
  void app.register(async (uploads) => {
    await uploads.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: true });
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/api/cases/:id/documents',
      {
        schema: {
          tags: documentTags,
          summary:
            'Upload a document (multipart/form-data: "category" and one "file" of at most 10 MiB; PDF, PNG, JPEG, plain text, DOCX or ODT, checked by content)',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: documentCreated },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await uploadCaseDocument(deps, request.ctx, request.params.id, () => readDocumentUpload(request)),
          ),
    );
  });
}
