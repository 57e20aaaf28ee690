import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** Risk checklists and documents (issue 3 §6, §10). */
export function registerChecklistDocumentRoutes(_app: FastifyInstance, _deps: Deps) {}
