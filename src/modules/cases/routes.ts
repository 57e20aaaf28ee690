import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SAFETY_PHASES } from '../../domain/casework/safety-phase.ts';
import type { Deps } from '../deps.ts';
import { recordAssessment } from './assessment-service.ts';
import { registerChecklistDocumentRoutes } from './checklist-document-routes.ts';
import { registerClosureRoutes } from './closure-routes.ts';
import { registerHandoverRoutes } from './handover-routes.ts';
import { registerMeasureRoutes } from './measure-routes.ts';
import { registerMeetingRoutes } from './meeting-routes.ts';
import { addCaseNote } from './note-service.ts';
import { openCaseFromReport } from './open-case-service.ts';
import { changePhase } from './phase-service.ts';
import { saveSafetyPlan } from './safety-plan-service.ts';
import {
  assessmentInput,
  caseDetail,
  caseSummary,
  idParams,
  noteInput,
  openCaseInput,
  openCaseResult,
  phaseInput,
  reportCaseLink,
  safetyPlanInput,
  teamCandidate,
  teamMemberInput,
} from './schemas.ts';
import { getCase, getCaseOfReport, listMyCases } from './service.ts';
import { registerSupportRoutes } from './support-routes.ts';
import { addTeamMember, listTeamCandidates, removeTeamMember } from './team-service.ts';
import { registerWorkRoutes } from './work-routes.ts';

const tags = ['cases'];

export function registerRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerMeasureRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  registerHandoverRoutes(app, deps);
  registerChecklistDocumentRoutes(app, deps);
  registerClosureRoutes(app, deps);
  registerWorkRoutes(app, deps);
  registerSupportRoutes(app, deps);

  r.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary:
          'Open the household case from a report, or attach the report to the open case of the same household',
        body: openCaseInput,
        response: { 200: openCaseResult, 201: openCaseResult },
      },
    },
    async (request, reply) => {
      const result = await openCaseFromReport(deps, request.ctx, request.body);
      return reply.status(result.outcome === 'opened' ? 201 : 200).send(result);
    },
  );

  r.get(
    '/api/cases/mine',
    {
      schema: {
        tags,
        summary: 'My cases: where I am coordinator or team member, with phase and last safety score',
        response: { 200: z.array(caseSummary) },
      },
    },
    async (request) => listMyCases(deps, request.ctx),
  );

  r.get(
    '/api/cases/by-report/:id',
    {
      schema: {
        tags,
        summary: 'The case a report belongs to (if you may see it), and whether you may open one',
        params: idParams,
        response: { 200: reportCaseLink },
      },
    },
    async (request) => getCaseOfReport(deps, request.ctx, request.params.id),
  );

  r.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with members, team, phases, assessments and the notes you may read',
        params: idParams,
        response: { 200: caseDetail },
      },
    },
    async (request) => getCase(deps, request.ctx, request.params.id),
  );

  r.get(
    '/api/cases/:id/team-candidates',
    {
      schema: {
        tags,
        summary: 'Professionals of the region who could join the team (coordinator or Veilig Thuis)',
        params: idParams,
        response: { 200: z.array(teamCandidate) },
      },
    },
    async (request) => listTeamCandidates(deps, request.ctx, request.params.id),
  );

  r.post(
    '/api/cases/:id/team',
    {
      schema: {
        tags,
        summary: 'Add a team member (coordinator or Veilig Thuis)',
        params: idParams,
        body: teamMemberInput,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTeamMember(deps, request.ctx, request.params.id, request.body)),
  );

  r.delete(
    '/api/cases/:id/team/:memberId',
    {
      schema: {
        tags,
        summary: 'A team member leaves the team (coordinator or Veilig Thuis); the history stays',
        params: z.object({ id: z.uuid(), memberId: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => removeTeamMember(deps, request.ctx, request.params.id, request.params.memberId),
  );

  r.post(
    '/api/cases/:id/phase',
    {
      schema: {
        tags,
        summary: 'Move the case to another phase of Gefaseerd samenwerken aan veiligheid, with a reason',
        params: idParams,
        body: phaseInput,
        response: { 200: z.object({ phase: z.enum(SAFETY_PHASES) }) },
      },
    },
    async (request) => changePhase(deps, request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/cases/:id/assessments',
    {
      schema: {
        tags,
        summary:
          'Record a safety assessment (MDA++/TOP-3): scores 0–10, top three concerns, up to three actions',
        params: idParams,
        body: assessmentInput,
        response: { 201: z.object({ id: z.uuid(), minScore: z.number(), medianScore: z.number() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordAssessment(deps, request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/api/cases/:id/safety-plan',
    {
      schema: {
        tags,
        summary:
          'Save a new version of the safety plan (conditions, agreements, what to do when it goes wrong)',
        params: idParams,
        body: safetyPlanInput,
        response: { 201: z.object({ version: z.number(), status: z.enum(['draft', 'agreed']) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveSafetyPlan(deps, request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/api/cases/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add a note with an information category',
        params: idParams,
        body: noteInput,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCaseNote(deps, request.ctx, request.params.id, request.body)),
  );
}
