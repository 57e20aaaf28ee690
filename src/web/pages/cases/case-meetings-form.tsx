import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseMeetingsApi,
  DEFAULT_MEETING_CATEGORY,
  MEETING_KINDS,
  type MeetingInput,
  type MeetingKind,
  type ParticipantInput,
} from '../../api/case-meetings-api.ts';
import { type CaseDetail, caseKeys } from '../../api/cases-api.ts';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../api/codes.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { CheckboxGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { amsterdamLocalToIso } from '../../lib/amsterdam-time.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';

const ID = {
  kind: 'meeting-kind',
  heldAt: 'meeting-held-at',
  category: 'meeting-category',
  team: 'meeting-team',
  chair: 'meeting-chair',
} as const;
const agendaId = (key: number) => `meeting-agenda-${key}`;
const outsideId = (key: number, field: string) => `meeting-outside-${key}-${field}`;
const infoId = (key: number, field: string) => `meeting-info-${key}-${field}`;
const decisionId = (key: number, field: string) => `meeting-decision-${key}-${field}`;
const FIELDSET = 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset kring-fieldset';
const LEGEND = 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend';

interface Draft {
  kind: MeetingKind;
  heldAt: string;
  /** null: follows the kind (an Actieoverleg is justice information). */
  category: InformationCategory | null;
  agenda: { key: number; text: string }[];
  /** Ids of the team entries (case_team_member) that took part. */
  team: string[];
  outside: { key: number; name: string; organisation: string; role: string }[];
  /** 'team:<team entry id>' or 'outside:<key>'. */
  chair: string;
  information: { key: number; category: InformationCategory | ''; body: string }[];
  decisions: { key: number; description: string; ownerUserId: string; dueOn: string; monitoring: string }[];
}

let nextKey = 1;
const key = () => nextKey++;
const emptyDecision = () => ({ key: key(), description: '', ownerUserId: '', dueOn: '', monitoring: '' });
const emptyDraft = (): Draft => ({
  kind: 'mda_table',
  heldAt: '',
  category: null,
  agenda: [{ key: key(), text: '' }],
  team: [],
  outside: [],
  chair: '',
  information: [{ key: key(), category: '', body: '' }],
  decisions: [emptyDecision()],
});

/** Which form field each submitted array position came from, to place the server's messages. */
interface Sent {
  agenda: number[];
  participants: string[];
  information: number[];
  decisions: number[];
}

/** Records a meeting: the meeting, who took part, what was shared (with category) and the decisions. */
export function CaseMeetingForm({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const [sent, setSent] = useState<Sent>({ agenda: [], participants: [], information: [], decisions: [] });
  const category = draft.category ?? DEFAULT_MEETING_CATEGORY[draft.kind];
  const record = useMutation({
    mutationFn: (input: MeetingInput) => caseMeetingsApi.record(kase.id, input),
    onSuccess: async () => {
      setDraft(emptyDraft());
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });

  const teamLabel = (entryId: string) => {
    const m = kase.team.find((x) => x.id === entryId);
    return m ? `${m.name} (${m.organisation})` : '';
  };
  const outsideNumber = (k: number) => draft.outside.findIndex((o) => o.key === k) + 1;
  const fieldRef = (path: string): FieldRef | null => {
    const [list, index, field] = path.split('.');
    const i = Number(index);
    if (list === 'kind') return { id: ID.kind, label: t('caseMeetings.form.kind') };
    if (list === 'heldAt') return { id: ID.heldAt, label: t('caseMeetings.form.heldAt') };
    if (list === 'category') return { id: ID.category, label: t('caseMeetings.form.category') };
    if (list === 'agenda') {
      const slot = sent.agenda[index === undefined ? 0 : i];
      return slot === undefined ? null : { id: agendaId(slot), label: t('caseMeetings.form.agenda') };
    }
    if (list === 'participants') {
      if (index === undefined) return { id: ID.chair, label: t('caseMeetings.form.chair') };
      const target = sent.participants[i];
      return target ? { id: target, label: t('caseMeetings.form.participants') } : null;
    }
    if (list === 'information' && field) {
      const slot = sent.information[i];
      if (slot === undefined) return null;
      return {
        id: infoId(slot, field === 'category' ? 'category' : 'body'),
        label: t('caseMeetings.form.informationItem', { number: i + 1 }),
      };
    }
    if (list === 'decisions' && field) {
      const slot = sent.decisions[i];
      if (slot === undefined) return null;
      const part = field === 'ownerUserId' ? 'owner' : field;
      return { id: decisionId(slot, part), label: t('caseMeetings.form.decision', { number: i + 1 }) };
    }
    return null;
  };
  const server = serverErrors(record.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (fieldId: string) =>
    clientErrors.find((e) => e.fieldId === fieldId)?.message ?? server.fields[fieldId];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (record.isPending) return;
    const problems: SummaryItem[] = [];
    const heldAt = amsterdamLocalToIso(draft.heldAt);
    if (!heldAt) problems.push({ fieldId: ID.heldAt, message: t('caseMeetings.form.errors.heldAt') });
    const agenda = draft.agenda.filter((a) => a.text.trim() !== '');
    if (agenda.length === 0)
      problems.push({
        fieldId: agendaId(draft.agenda[0]?.key ?? 0),
        message: t('caseMeetings.form.errors.agenda'),
      });
    const team = kase.team.filter((m) => draft.team.includes(m.id));
    const outside = draft.outside.filter((o) => `${o.name}${o.organisation}${o.role}`.trim() !== '');
    for (const o of outside) {
      if (!o.name.trim() || !o.organisation.trim() || !o.role.trim())
        problems.push({
          fieldId: outsideId(o.key, 'name'),
          message: `${t('caseMeetings.form.outsideParticipant', { number: outsideNumber(o.key) })}: ${t('caseMeetings.form.errors.outside')}`,
        });
    }
    if (team.length + outside.length === 0)
      problems.push({
        fieldId: kase.team[0] ? `${ID.team}-${kase.team[0].id}` : ID.chair,
        message: t('caseMeetings.form.errors.participants'),
      });
    const chairValid =
      (draft.chair.startsWith('team:') && team.some((m) => `team:${m.id}` === draft.chair)) ||
      (draft.chair.startsWith('outside:') && outside.some((o) => `outside:${o.key}` === draft.chair));
    if (!chairValid) problems.push({ fieldId: ID.chair, message: t('caseMeetings.form.errors.chair') });
    const information = draft.information.filter((i) => i.body.trim() !== '');
    const decisions = draft.decisions.filter(
      (d) => `${d.description}${d.ownerUserId}${d.dueOn}${d.monitoring}`.trim() !== '',
    );
    decisions.forEach((d, i) => {
      if (!d.description.trim() || !d.ownerUserId || !d.dueOn || !d.monitoring.trim())
        problems.push({
          fieldId: decisionId(d.key, 'description'),
          message: `${t('caseMeetings.form.decision', { number: i + 1 })}: ${t('caseMeetings.form.errors.decision')}`,
        });
    });
    setClientErrors(problems);
    if (problems.length > 0 || !heldAt) return;
    const participants: ParticipantInput[] = [
      ...team.map((m) => ({
        type: 'team_member' as const,
        userId: m.userId,
        organisationId: m.organisationId,
        chair: draft.chair === `team:${m.id}`,
      })),
      ...outside.map((o) => ({
        type: 'outside' as const,
        name: o.name.trim(),
        organisation: o.organisation.trim(),
        role: o.role.trim(),
        chair: draft.chair === `outside:${o.key}`,
      })),
    ];
    setSent({
      agenda: agenda.map((a) => a.key),
      participants: [
        ...team.map((m) => `${ID.team}-${m.id}`),
        ...outside.map((o) => outsideId(o.key, 'name')),
      ],
      information: information.map((i) => i.key),
      decisions: decisions.map((d) => d.key),
    });
    record.mutate({
      kind: draft.kind,
      heldAt,
      category,
      agenda: agenda.map((a) => a.text.trim()),
      participants,
      information: information.map((i) => ({
        ...(i.category ? { category: i.category } : {}),
        body: i.body.trim(),
      })),
      decisions: decisions.map((d) => ({
        description: d.description.trim(),
        ownerUserId: d.ownerUserId,
        dueOn: d.dueOn,
        monitoring: d.monitoring.trim(),
      })),
    });
  }

  const update = <K extends 'agenda' | 'outside' | 'information' | 'decisions'>(
    list: K,
    k: number,
    patch: Partial<Draft[K][number]>,
  ) =>
    setDraft((d) => ({
      ...d,
      [list]: (d[list] as { key: number }[]).map((item) => (item.key === k ? { ...item, ...patch } : item)),
    }));
  const remove = (list: 'agenda' | 'outside' | 'information' | 'decisions', k: number) =>
    setDraft((d) => ({
      ...d,
      [list]: (d[list] as { key: number }[]).filter((item) => item.key !== k),
      chair: list === 'outside' && d.chair === `outside:${k}` ? '' : d.chair,
    }));
  const categoryOptions = INFORMATION_CATEGORIES.map((c) => ({
    value: c,
    label: codeLabel(t, 'category', c),
  }));
  const teamOptions = kase.team.map((m) => ({ value: m.userId, label: `${m.name} (${m.organisation})` }));
  const chairOptions = [
    ...draft.team.map((entryId) => ({ value: `team:${entryId}`, label: teamLabel(entryId) })),
    ...draft.outside
      .filter((o) => o.name.trim() !== '')
      .map((o) => ({ value: `outside:${o.key}`, label: `${o.name.trim()} (${o.organisation.trim()})` })),
  ];

  return (
    <div className="kring-panel">
      <Heading level={3} id="meeting-form-title">
        {t('caseMeetings.form.title')}
      </Heading>
      {record.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseMeetings.form.recorded')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="meeting-form-title">
        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>{t('caseMeetings.form.meeting')}</legend>
          <SelectField
            id={ID.kind}
            label={t('caseMeetings.form.kind')}
            error={fieldError(ID.kind)}
            value={draft.kind}
            onChange={(event) => setDraft((d) => ({ ...d, kind: event.target.value as MeetingKind }))}
            options={MEETING_KINDS.map((k) => ({ value: k, label: t(`caseMeetings.kinds.${k}`) }))}
          />
          <TextField
            id={ID.heldAt}
            label={t('caseMeetings.form.heldAt')}
            type="datetime-local"
            error={fieldError(ID.heldAt)}
            value={draft.heldAt}
            onChange={(event) => setDraft((d) => ({ ...d, heldAt: event.target.value }))}
          />
          <SelectField
            id={ID.category}
            label={t('caseMeetings.form.category')}
            description={t('caseMeetings.form.categoryHelp')}
            error={fieldError(ID.category)}
            value={category}
            onChange={(event) =>
              setDraft((d) => ({ ...d, category: event.target.value as InformationCategory }))
            }
            options={categoryOptions}
          />
        </fieldset>

        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>{t('caseMeetings.form.agenda')}</legend>
          {draft.agenda.map((item, index) => (
            <div key={item.key} className="kring-person">
              <TextField
                id={agendaId(item.key)}
                label={t('caseMeetings.form.agendaItem', { number: index + 1 })}
                required={index === 0}
                maxLength={500}
                error={fieldError(agendaId(item.key))}
                value={item.text}
                onChange={(event) => update('agenda', item.key, { text: event.target.value })}
              />
              {draft.agenda.length > 1 ? (
                <Button type="button" appearance="subtle" onClick={() => remove('agenda', item.key)}>
                  {t('caseMeetings.form.removeAgendaItem', { number: index + 1 })}
                </Button>
              ) : null}
            </div>
          ))}
          {draft.agenda.length < 20 ? (
            <Button
              type="button"
              appearance="secondary"
              onClick={() => setDraft((d) => ({ ...d, agenda: [...d.agenda, { key: key(), text: '' }] }))}
            >
              {t('caseMeetings.form.addAgendaItem')}
            </Button>
          ) : null}
        </fieldset>

        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>{t('caseMeetings.form.participants')}</legend>
          <CheckboxGroup
            id={ID.team}
            legend={t('caseMeetings.form.teamParticipants')}
            error={kase.team.map((m) => fieldError(`${ID.team}-${m.id}`)).find(Boolean)}
            choices={kase.team.map((m) => ({ value: m.id, label: `${m.name} (${m.organisation})` }))}
            values={draft.team}
            onChange={(team) =>
              setDraft((d) => ({
                ...d,
                team,
                chair: d.chair.startsWith('team:') && !team.includes(d.chair.slice(5)) ? '' : d.chair,
              }))
            }
          />
          {draft.outside.map((o, index) => (
            <fieldset key={o.key} className="utrecht-form-fieldset--html-fieldset kring-person">
              <legend className={LEGEND}>
                {t('caseMeetings.form.outsideParticipant', { number: index + 1 })}
              </legend>
              <TextField
                id={outsideId(o.key, 'name')}
                label={t('caseMeetings.form.outsideName')}
                maxLength={200}
                autoComplete="off"
                error={fieldError(outsideId(o.key, 'name'))}
                value={o.name}
                onChange={(event) => update('outside', o.key, { name: event.target.value })}
              />
              <TextField
                id={outsideId(o.key, 'organisation')}
                label={t('caseMeetings.form.outsideOrganisation')}
                maxLength={200}
                error={fieldError(outsideId(o.key, 'organisation'))}
                value={o.organisation}
                onChange={(event) => update('outside', o.key, { organisation: event.target.value })}
              />
              <TextField
                id={outsideId(o.key, 'role')}
                label={t('caseMeetings.form.outsideRole')}
                maxLength={200}
                error={fieldError(outsideId(o.key, 'role'))}
                value={o.role}
                onChange={(event) => update('outside', o.key, { role: event.target.value })}
              />
              <Button type="button" appearance="subtle" onClick={() => remove('outside', o.key)}>
                {t('caseMeetings.form.removeOutside', { number: index + 1 })}
              </Button>
            </fieldset>
          ))}
          {draft.outside.length < 20 ? (
            <Button
              type="button"
              appearance="secondary"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  outside: [...d.outside, { key: key(), name: '', organisation: '', role: '' }],
                }))
              }
            >
              {t('caseMeetings.form.addOutside')}
            </Button>
          ) : null}
          <SelectField
            id={ID.chair}
            label={t('caseMeetings.form.chair')}
            placeholder={t('caseMeetings.form.chooseChair')}
            error={fieldError(ID.chair)}
            value={draft.chair}
            onChange={(event) => setDraft((d) => ({ ...d, chair: event.target.value }))}
            options={chairOptions}
          />
        </fieldset>

        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>{t('caseMeetings.form.information')}</legend>
          <Paragraph>{t('caseMeetings.form.informationHelp')}</Paragraph>
          {draft.information.map((item, index) => (
            <fieldset key={item.key} className="utrecht-form-fieldset--html-fieldset kring-person">
              <legend className={LEGEND}>
                {t('caseMeetings.form.informationItem', { number: index + 1 })}
              </legend>
              <TextareaField
                id={infoId(item.key, 'body')}
                label={t('caseMeetings.form.informationBody')}
                required={false}
                rows={3}
                maxLength={5000}
                error={fieldError(infoId(item.key, 'body'))}
                value={item.body}
                onChange={(event) => update('information', item.key, { body: event.target.value })}
              />
              <SelectField
                id={infoId(item.key, 'category')}
                label={t('caseMeetings.form.informationCategory')}
                required={false}
                error={fieldError(infoId(item.key, 'category'))}
                value={item.category}
                onChange={(event) =>
                  update('information', item.key, {
                    category: event.target.value as InformationCategory | '',
                  })
                }
                placeholder={t('caseMeetings.form.sameAsRecord', {
                  category: codeLabel(t, 'category', category),
                })}
                options={categoryOptions}
              />
              <Button type="button" appearance="subtle" onClick={() => remove('information', item.key)}>
                {t('caseMeetings.form.removeInformation', { number: index + 1 })}
              </Button>
            </fieldset>
          ))}
          {draft.information.length < 30 ? (
            <Button
              type="button"
              appearance="secondary"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  information: [...d.information, { key: key(), category: '', body: '' }],
                }))
              }
            >
              {t('caseMeetings.form.addInformation')}
            </Button>
          ) : null}
        </fieldset>

        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>{t('caseMeetings.form.decisions')}</legend>
          <Paragraph>{t('caseMeetings.form.decisionsHelp')}</Paragraph>
          {draft.decisions.map((d, index) => (
            <fieldset key={d.key} className="utrecht-form-fieldset--html-fieldset kring-person">
              <legend className={LEGEND}>{t('caseMeetings.form.decision', { number: index + 1 })}</legend>
              <TextField
                id={decisionId(d.key, 'description')}
                label={t('caseMeetings.form.description')}
                required={false}
                maxLength={1000}
                error={fieldError(decisionId(d.key, 'description'))}
                value={d.description}
                onChange={(event) => update('decisions', d.key, { description: event.target.value })}
              />
              <SelectField
                id={decisionId(d.key, 'owner')}
                label={t('caseMeetings.form.owner')}
                required={false}
                placeholder={t('caseMeetings.form.chooseOwner')}
                error={fieldError(decisionId(d.key, 'owner'))}
                value={d.ownerUserId}
                onChange={(event) => update('decisions', d.key, { ownerUserId: event.target.value })}
                options={teamOptions}
              />
              <TextField
                id={decisionId(d.key, 'dueOn')}
                label={t('caseMeetings.dueOn')}
                required={false}
                type="date"
                className="kring-input-date"
                error={fieldError(decisionId(d.key, 'dueOn'))}
                value={d.dueOn}
                onChange={(event) => update('decisions', d.key, { dueOn: event.target.value })}
              />
              <TextField
                id={decisionId(d.key, 'monitoring')}
                label={t('caseMeetings.form.monitoring')}
                required={false}
                maxLength={1000}
                error={fieldError(decisionId(d.key, 'monitoring'))}
                value={d.monitoring}
                onChange={(event) => update('decisions', d.key, { monitoring: event.target.value })}
              />
              <Button type="button" appearance="subtle" onClick={() => remove('decisions', d.key)}>
                {t('caseMeetings.form.removeDecision', { number: index + 1 })}
              </Button>
            </fieldset>
          ))}
          {draft.decisions.length < 20 ? (
            <Button
              type="button"
              appearance="secondary"
              onClick={() => setDraft((d) => ({ ...d, decisions: [...d.decisions, emptyDecision()] }))}
            >
              {t('caseMeetings.form.addDecision')}
            </Button>
          ) : null}
        </fieldset>
        <ButtonGroup>
          <Button type="submit" busy={record.isPending}>
            {t('caseMeetings.form.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
