import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { changeActionStatus, listPlanActions } from './action-service.ts';
import {
  actionParams,
  actionStatusInput,
  actionStatusResult,
  meetingCreated,
  meetingInput,
  meetingList,
  planActionList,
} from './meeting-schemas.ts';
import { listMeetings, recordMeeting } from './meeting-service.ts';
import { idParams } from './schemas.ts';

const tags = ['cases'];

/** Multi-agency meetings and plan actions (issue 3 §8). */
export function registerMeetingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cases/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings on the case (MDA++, Actieoverleg, case meeting) with what the reader may read',
        params: idParams,
        response: { 200: meetingList },
      },
    },
    async (request) => listMeetings(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/cases/:id/meetings',
    {
      schema: {
        tags,
        summary:
          'Record a meeting: participants, information shared (with category) and decisions, which become plan actions',
        params: idParams,
        body: meetingInput,
        response: { 201: meetingCreated },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordMeeting(deps, request.ctx, request.params.id, request.body)),
  );

  r.get(
    '/api/cases/:id/actions',
    {
      schema: {
        tags,
        summary:
          'Plan actions of the case from assessments and meetings: owner, due date, status, monitoring',
        params: idParams,
        response: { 200: planActionList },
      },
    },
    async (request) => listPlanActions(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/cases/:id/actions/:actionId/status',
    {
      schema: {
        tags,
        summary: 'Close an open plan action as done or not done, with a note (owner or coordinator)',
        params: actionParams,
        body: actionStatusInput,
        response: { 200: actionStatusResult },
      },
    },
    async (request) =>
      changeActionStatus(deps, request.ctx, request.params.id, request.params.actionId, request.body),
  );
}
