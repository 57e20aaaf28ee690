import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** Regional insight (issue 5): indicators, dashboards, reports, outside figures. */
export function registerInsightRoutes(_app: FastifyInstance, _deps: Deps) {}
