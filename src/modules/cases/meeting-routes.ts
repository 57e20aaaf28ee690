import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** Multi-agency meetings and plan actions (issue 3 §8). */
export function registerMeetingRoutes(_app: FastifyInstance, _deps: Deps) {}
