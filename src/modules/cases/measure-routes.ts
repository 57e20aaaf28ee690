import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** Measures with legal clocks (issue 3 §7). */
export function registerMeasureRoutes(_app: FastifyInstance, _deps: Deps) {}
