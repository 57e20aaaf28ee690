import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** Work queues and the household timeline (issue 3 §12). */
export function registerWorkRoutes(_app: FastifyInstance, _deps: Deps) {}
