import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** Monitoring, closure and reopening (issue 3 §11). */
export function registerClosureRoutes(_app: FastifyInstance, _deps: Deps) {}
