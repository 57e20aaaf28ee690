import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import {
  acceptHandoverInput,
  handoverCandidates,
  handoverParams,
  handoverView,
  jointContactInput,
  proposeHandoverInput,
  reasonInput,
  resolveHandoverInput,
  waitingHandover,
} from './handover-schemas.ts';
import {
  getHandover,
  listCaseHandovers,
  listHandoverCandidates,
  listWaitingHandovers,
  proposeCaseHandover,
  recordHandoverJointContact,
  stepHandover,
} from './handover-service.ts';
import { idParams } from './schemas.ts';

const tags = ['handovers'];

/** Handovers between organisations (issue 3 §9). */
export function registerHandoverRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cases/:id/handovers',
    {
      schema: {
        tags,
        summary: "The case's handovers with status, deadlines, escalation level and history",
        params: idParams,
        response: { 200: z.array(handoverView) },
      },
    },
    async (request) => listCaseHandovers(deps, request.ctx, request.params.id),
  );

  r.get(
    '/api/cases/:id/handover-candidates',
    {
      schema: {
        tags,
        summary: 'Organisations of the region (and their client workers) the case can be handed over to',
        params: idParams,
        response: { 200: handoverCandidates },
      },
    },
    async (request) => listHandoverCandidates(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/cases/:id/handovers',
    {
      schema: {
        tags,
        summary: 'Propose a handover of a task (team member) or of the coordination (coordinator)',
        params: idParams,
        body: proposeHandoverInput,
        response: { 201: handoverView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await proposeCaseHandover(deps, request.ctx, request.params.id, request.body)),
  );

  r.get(
    '/api/handovers/waiting',
    {
      schema: {
        tags,
        summary: 'Handovers waiting for me: proposed or escalated to my organisation or to me',
        response: { 200: z.array(waitingHandover) },
      },
    },
    async (request) => listWaitingHandovers(deps, request.ctx),
  );

  r.get(
    '/api/handovers/:handoverId',
    {
      schema: {
        tags,
        summary: 'One handover; the receiving organisation sees it (not the case) before accepting',
        params: handoverParams,
        response: { 200: handoverView },
      },
    },
    async (request) => getHandover(deps, request.ctx, request.params.handoverId),
  );

  r.post(
    '/api/handovers/:handoverId/accept',
    {
      schema: {
        tags,
        summary: 'Accept (receiving organisation): the accepting professional joins the team',
        params: handoverParams,
        body: acceptHandoverInput,
        response: { 200: handoverView },
      },
    },
    async (request) =>
      stepHandover(deps, request.ctx, request.params.handoverId, { type: 'accept', ...request.body }),
  );

  for (const type of ['decline', 'withdraw', 'escalate'] as const) {
    const summaries = {
      decline: 'Decline with a reason (receiving organisation)',
      withdraw: 'Withdraw with a reason (sending organisation), also to accept a decline',
      escalate: 'Escalate to the next level of the regional agreement (declined or overdue)',
    };
    r.post(
      `/api/handovers/:handoverId/${type}`,
      {
        schema: {
          tags,
          summary: summaries[type],
          params: handoverParams,
          body: reasonInput,
          response: { 200: handoverView },
        },
      },
      async (request) =>
        stepHandover(deps, request.ctx, request.params.handoverId, { type, reason: request.body.reason }),
    );
  }

  r.post(
    '/api/handovers/:handoverId/resolve',
    {
      schema: {
        tags,
        summary: 'Record the outcome of an escalation; "handed over" makes the receiver take over',
        params: handoverParams,
        body: resolveHandoverInput,
        response: { 200: handoverView },
      },
    },
    async (request) =>
      stepHandover(deps, request.ctx, request.params.handoverId, { type: 'resolve', ...request.body }),
  );

  r.post(
    '/api/handovers/:handoverId/joint-contact',
    {
      schema: {
        tags,
        summary: 'Record the joint contact moment of a warm handover (when, how, who of both sides)',
        params: handoverParams,
        body: jointContactInput,
        response: { 200: handoverView },
      },
    },
    async (request) => recordHandoverJointContact(deps, request.ctx, request.params.handoverId, request.body),
  );
}
