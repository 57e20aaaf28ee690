import {
  checkMeeting,
  defaultMeetingCategory,
  type MeetingKind,
  participantKey,
} from '../../domain/casework/meeting.ts';
import { canReadCategory, type InformationCategory } from '../../domain/information-category.ts';
import type { OrganisationType } from '../../domain/organisation-type.ts';
import { AppError, type ErrorDetail } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { MEETING_MESSAGES } from './meeting-messages.ts';
import type { MeetingInput } from './meeting-schemas.ts';
import { insertMeeting, loadCaseMeetings, loadTeamWithOrganisationTypes } from './meeting-store.ts';
import type { CaseRole } from './schemas.ts';

type Guard = Awaited<ReturnType<typeof authorizeCase>>;
type Team = Awaited<ReturnType<typeof loadTeamWithOrganisationTypes>>;

/** Why the reader reads: as a team member, or as Veilig Thuis serving the household. */
export function readingPurpose(guard: Guard, team: Team) {
  const inTeam = team.some(
    (m) => m.user_id === guard.actor.user.id && m.organisation_id === guard.actor.organisation.id,
  );
  return inTeam ? 'casework' : 'veilig_thuis';
}

/**
 * Records a meeting held about the household: participants, information shared (each with its
 * category), and decisions, which become plan actions. One transaction: all of it, or nothing.
 * Decision owners are active team members who may read the meeting's record — an owner who could
 * not read the record would be handed a task whose source they may not see.
 */
export async function recordMeeting(deps: Deps, ctx: RequestContext, caseId: string, input: MeetingInput) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.meeting.create');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const team = await loadTeamWithOrganisationTypes(trx, caseId);
    const category = input.category ?? defaultMeetingCategory(input.kind);
    const record = { category, organisationId: guard.actor.organisation.id };
    const information = input.information.map((i) => ({ category: i.category ?? category, body: i.body }));
    const details: ErrorDetail[] = [];

    const participants = input.participants.map((p, i) => {
      if (p.type === 'outside')
        return {
          userId: null,
          organisationId: null,
          caseRole: null,
          outsideName: p.name,
          outsideOrganisation: p.organisation,
          outsideRole: p.role,
          chair: p.chair,
        };
      const member = team.find((m) => m.user_id === p.userId && m.organisation_id === p.organisationId);
      if (!member)
        details.push({
          path: `body.participants.${i}.userId`,
          message: MEETING_MESSAGES.participant_not_in_team,
        });
      return {
        userId: p.userId,
        organisationId: p.organisationId,
        caseRole: member?.case_role ?? 'other',
        outsideName: null,
        outsideOrganisation: null,
        outsideRole: null,
        chair: p.chair,
      };
    });

    input.decisions.forEach((d, i) => {
      const path = `body.decisions.${i}.ownerUserId`;
      const memberships = team.filter((m) => m.user_id === d.ownerUserId);
      if (memberships.length === 0) details.push({ path, message: MEETING_MESSAGES.owner_not_in_team });
      else if (
        !memberships.some((m) =>
          canReadCategory(
            { organisationId: m.organisation_id, organisationType: m.organisation_type as OrganisationType },
            record,
          ),
        )
      )
        details.push({ path, message: MEETING_MESSAGES.owner_cannot_read });
    });

    const heldAt = new Date(input.heldAt);
    for (const issue of checkMeeting(
      {
        heldAt,
        category,
        information,
        participants: input.participants.map((p) => ({ key: participantKey(p), chair: p.chair })),
        decisions: input.decisions,
      },
      now,
    ))
      details.push({ path: `body.${issue.path}`, message: issue.message });
    if (details.length > 0) throw new AppError('validation_failed', details);

    const created = await insertMeeting(trx, {
      caseId,
      kind: input.kind,
      heldAt,
      category,
      agenda: input.agenda,
      organisationId: guard.actor.organisation.id,
      recordedByUserId: guard.actor.user.id,
      recordedAt: now,
      participants,
      information,
      decisions: input.decisions,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.meeting.create',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        meetingId: created.id,
        kind: input.kind,
        category,
        participants: participants.length,
        information: information.map((i) => i.category),
        actionIds: created.actionIds,
      },
    });
    return created;
  });
}

/**
 * The meetings of a case as this reader may see them: a meeting whose record's category the
 * reader's organisation may not read is left out (and counted); inside a meeting, each piece of
 * information is shown only when its own category may be read too.
 */
export async function listMeetings(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.meeting.list');
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const [team, parts] = await Promise.all([
      loadTeamWithOrganisationTypes(trx, caseId),
      loadCaseMeetings(trx, caseId),
    ]);
    const readable = (category: string, organisationId: string) =>
      canReadCategory(guard.reader, { category: category as InformationCategory, organisationId });
    const visible = parts.meetings.filter((m) => readable(m.category, m.organisation_id));
    let informationWithheld = 0;
    const meetings = visible.map((m) => {
      const items = parts.information.filter((i) => i.meeting_id === m.id);
      const shown = items.filter((i) => readable(i.category, m.organisation_id));
      informationWithheld += items.length - shown.length;
      return {
        id: m.id,
        kind: m.kind as MeetingKind,
        heldAt: m.held_at.toISOString(),
        category: m.category as InformationCategory,
        organisation: m.organisation_name,
        recordedBy: m.recorded_by,
        recordedAt: m.recorded_at.toISOString(),
        agenda: m.agenda,
        participants: parts.participants
          .filter((p) => p.meeting_id === m.id)
          .map((p) => ({
            type: p.user_id ? ('team_member' as const) : ('outside' as const),
            userId: p.user_id,
            name: p.display_name ?? p.outside_name ?? '',
            organisation: p.organisation_name ?? p.outside_organisation ?? '',
            caseRole: p.case_role as CaseRole | null,
            role: p.outside_role,
            chair: p.is_chair,
          })),
        information: shown.map((i) => ({ category: i.category as InformationCategory, body: i.body })),
        informationWithheld: items.length - shown.length,
        decisions: parts.decisions
          .filter((d) => d.meeting_id === m.id)
          .map((d) => ({
            actionId: d.id,
            description: d.description,
            ownerUserId: d.owner_user_id,
            owner: d.owner,
            dueOn: d.due_on,
            monitoring: d.monitoring ?? '',
            status: d.status as 'open' | 'done' | 'not_done',
          })),
      };
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.meeting.list',
      recordType: 'case',
      recordId: caseId,
      purpose: readingPurpose(guard, team),
      details: {
        ids: meetings.map((m) => m.id),
        withheld: parts.meetings.length - visible.length,
        informationWithheld,
      },
    });
    return { meetings, withheld: parts.meetings.length - visible.length };
  });
}
