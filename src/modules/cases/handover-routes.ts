import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** Handovers between organisations (issue 3 §9). */
export function registerHandoverRoutes(_app: FastifyInstance, _deps: Deps) {}
