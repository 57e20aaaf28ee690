import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseHandoversApi,
  HANDOVER_RESOLUTIONS,
  type Handover,
  type HandoverResolution,
  handoverKeys,
  JOINT_CONTACT_MODES,
  type JointContactMode,
} from '../../api/case-handovers-api.ts';
import { caseKeys } from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { DataList } from '../../components/data-list.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { type BadgeVariant, StatusBadge } from '../../components/status-badge.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { casePath } from './case-paths.ts';

const BADGE: Record<Handover['status'], BadgeVariant> = {
  proposed: 'warning',
  escalated: 'danger',
  declined: 'danger',
  accepted: 'success',
  resolved: 'success',
  withdrawn: 'neutral',
};

function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: handoverKeys.all });
    await queryClient.invalidateQueries({ queryKey: caseKeys.all });
  };
}

function useErrorTexts() {
  const { t } = useTranslation();
  return { fieldInvalid: t('common.fieldInvalid'), unknownError: t('common.unknownError') };
}

/** One handover: what, from whom to whom, status, deadlines, escalation, joint contact and history. */
/** Shown under a level-2 heading (the case page's section, the waiting page's detail). */
export function HandoverCard({ handover: h }: { handover: Handover }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const who = (p: { organisation: string; user: { name: string } | null }) =>
    p.user ? `${p.user.name} (${p.organisation})` : p.organisation;
  const escalation = h.escalation
    ? t(
        h.escalation.role
          ? 'caseHandovers.fields.escalationValue'
          : 'caseHandovers.fields.escalationValueNoRole',
        {
          level: h.escalation.level,
          role: h.escalation.role,
          due: formatDateTime(h.escalation.dueAt, language),
        },
      )
    : t('common.none');
  const contact = h.jointContact
    ? t('caseHandovers.fields.jointContactValue', {
        at: formatDateTime(h.jointContact.at, language),
        mode: t(`caseHandovers.modes.${h.jointContact.mode}`),
        sender: h.jointContact.sender?.name ?? t('common.none'),
        receiver: h.jointContact.receiver?.name ?? t('common.none'),
      })
    : t('caseHandovers.fields.jointContactNone');
  const titleId = `handover-${h.id}-title`;
  return (
    <article className="kring-panel" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t(`caseHandovers.subjects.${h.subject}`)} → {h.to.organisation}{' '}
        <StatusBadge variant={BADGE[h.status]}>{t(`caseHandovers.statuses.${h.status}`)}</StatusBadge>
      </Heading>
      <DataList
        items={[
          {
            key: 'case',
            label: t('caseHandovers.fields.case'),
            value: h.caseId ? (
              <AppLink to={casePath(h.caseId)}>
                {t('caseHandovers.fields.openCase', { reference: h.caseReference })}
              </AppLink>
            ) : (
              `${h.caseReference} (${h.municipalityName})`
            ),
          },
          ...(h.taskDescription
            ? [{ key: 'task', label: t('caseHandovers.fields.task'), value: h.taskDescription }]
            : []),
          { key: 'from', label: t('caseHandovers.fields.from'), value: who(h.from) },
          { key: 'to', label: t('caseHandovers.fields.to'), value: who(h.to) },
          { key: 'summary', label: t('caseHandovers.fields.summary'), value: h.summary, multiline: true },
          {
            key: 'proposed',
            label: t('caseHandovers.fields.proposedAt'),
            value: formatDateTime(h.proposedAt, language),
          },
          ...(h.dueAt
            ? [
                {
                  key: 'due',
                  label: t('caseHandovers.fields.dueAt'),
                  value: h.overdue
                    ? `${formatDateTime(h.dueAt, language)} (${t('caseHandovers.fields.overdue')})`
                    : formatDateTime(h.dueAt, language),
                },
              ]
            : []),
          { key: 'escalation', label: t('caseHandovers.fields.escalation'), value: escalation },
          {
            key: 'warm',
            label: t('caseHandovers.fields.warm'),
            value: h.warm ? t('caseHandovers.fields.warmYes') : t('caseHandovers.fields.warmNo'),
          },
          ...(h.warm
            ? [{ key: 'contact', label: t('caseHandovers.fields.jointContact'), value: contact }]
            : []),
          ...(h.reason ? [{ key: 'reason', label: t('caseHandovers.fields.reason'), value: h.reason }] : []),
          ...(h.resolution
            ? [
                {
                  key: 'resolution',
                  label: t('caseHandovers.fields.resolution'),
                  value: t(`caseHandovers.resolutions.${h.resolution}`),
                },
              ]
            : []),
          ...(h.takenOverBy
            ? [{ key: 'takenOver', label: t('caseHandovers.fields.takenOverBy'), value: h.takenOverBy.name }]
            : []),
        ]}
      />
      <Table caption={t('caseHandovers.historyCaption', { organisation: h.to.organisation })}>
        <TableHead
          columns={[
            t('caseHandovers.history.at'),
            t('caseHandovers.history.step'),
            t('caseHandovers.history.by'),
            t('caseHandovers.history.reason'),
          ]}
        />
        <TableBody>
          {h.history.map((e) => (
            <Row key={`${e.at}-${e.action}-${e.toStatus}`}>
              <RowHeader>{formatDateTime(e.at, language)}</RowHeader>
              <Cell>
                {t(`caseHandovers.actions.${e.action}`)}
                {e.escalationLevel !== null
                  ? ` (${t('caseHandovers.history.level', { level: e.escalationLevel })})`
                  : ''}
              </Cell>
              <Cell>
                {e.automatic || e.by === null
                  ? t('caseHandovers.history.system')
                  : `${e.by}${e.organisation ? ` (${e.organisation})` : ''}`}
              </Cell>
              <Cell>{e.reason ?? t('common.none')}</Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
      <HandoverSteps handover={h} />
    </article>
  );
}

/** The steps the rules allow this reader now; the server decides again on every call. */
function HandoverSteps({ handover: h }: { handover: Handover }) {
  const { allowed } = h;
  const reasonSteps = (['decline', 'withdraw', 'escalate'] as const).filter((s) => allowed[s]);
  return (
    <>
      {allowed.accept || (h.mySide === 'receiver' && h.status === 'proposed') ? (
        <AcceptButton handover={h} />
      ) : null}
      {reasonSteps.length > 0 ? <ReasonStepForm handover={h} steps={reasonSteps} /> : null}
      {allowed.jointContact && h.warm && h.people ? <JointContactForm handover={h} /> : null}
      {allowed.resolve ? <ResolveForm handover={h} /> : null}
    </>
  );
}

function AcceptButton({ handover: h }: { handover: Handover }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const refresh = useRefresh();
  const texts = useErrorTexts();
  const accept = useMutation({ mutationFn: () => caseHandoversApi.accept(h.id), onSuccess: refresh });
  const errors = serverErrors(accept.error, language, () => null, texts);
  return (
    <div className="kring-form">
      {accept.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseHandovers.step.accepted')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={errors.summary} />
      {!h.allowed.accept && h.warm ? <Paragraph>{t('caseHandovers.step.acceptBlocked')}</Paragraph> : null}
      <ButtonGroup>
        <Button
          type="button"
          busy={accept.isPending}
          disabled={!h.allowed.accept}
          onClick={() => accept.mutate()}
        >
          {t('caseHandovers.step.accept')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

type ReasonStep = 'decline' | 'withdraw' | 'escalate';

function ReasonStepForm({ handover: h, steps }: { handover: Handover; steps: ReasonStep[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const refresh = useRefresh();
  const texts = useErrorTexts();
  const ids = { step: `handover-${h.id}-step`, reason: `handover-${h.id}-reason` };
  const [step, setStep] = useState<ReasonStep | ''>(steps.length === 1 ? (steps[0] ?? '') : '');
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const mutation = useMutation({
    mutationFn: (input: { step: ReasonStep; reason: string }) =>
      caseHandoversApi.step(h.id, input.step, input.reason),
    onSuccess: async () => {
      setReason('');
      await refresh();
    },
  });
  const fieldRef = (path: string): FieldRef | null =>
    path.startsWith('reason') ? { id: ids.reason, label: t('caseHandovers.step.reason') } : null;
  const server = serverErrors(mutation.error, language, fieldRef, texts);
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];
  const titleId = `handover-${h.id}-step-title`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const problems: SummaryItem[] = [];
    if (!step) problems.push({ fieldId: ids.step, message: t('caseHandovers.step.errors.step') });
    if (!reason.trim())
      problems.push({ fieldId: ids.reason, message: t('caseHandovers.step.errors.reason') });
    setClientErrors(problems);
    if (problems.length > 0 || !step) return;
    mutation.mutate({ step, reason: reason.trim() });
  }

  return (
    <form noValidate onSubmit={submit} className="kring-form" aria-labelledby={titleId}>
      <Heading level={4} id={titleId}>
        {t('caseHandovers.step.title', { organisation: h.to.organisation })}
      </Heading>
      {mutation.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseHandovers.step.done')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <SelectField
        id={ids.step}
        label={t('caseHandovers.step.stepLabel')}
        error={fieldError(ids.step)}
        value={step}
        placeholder={t('caseHandovers.step.choose')}
        onChange={(event) => setStep(event.target.value as ReasonStep | '')}
        options={steps.map((s) => ({ value: s, label: t(`caseHandovers.step.options.${s}`) }))}
      />
      <TextareaField
        id={ids.reason}
        label={t('caseHandovers.step.reason')}
        error={fieldError(ids.reason)}
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary" busy={mutation.isPending}>
          {t('caseHandovers.step.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function JointContactForm({ handover: h }: { handover: Handover }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const refresh = useRefresh();
  const texts = useErrorTexts();
  const ids = {
    at: `handover-${h.id}-contact-at`,
    mode: `handover-${h.id}-contact-mode`,
    sender: `handover-${h.id}-contact-sender`,
    receiver: `handover-${h.id}-contact-receiver`,
    note: `handover-${h.id}-contact-note`,
  };
  const [at, setAt] = useState('');
  const [mode, setMode] = useState<JointContactMode>('home_visit');
  const [sender, setSender] = useState(h.from.user?.userId ?? '');
  const [receiver, setReceiver] = useState(h.to.user?.userId ?? '');
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const mutation = useMutation({
    mutationFn: () =>
      caseHandoversApi.jointContact(h.id, {
        contactAt: new Date(at).toISOString(),
        mode,
        senderUserId: sender,
        receiverUserId: receiver,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: refresh,
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('contactAt')) return { id: ids.at, label: t('caseHandovers.contact.at') };
    if (path.startsWith('mode')) return { id: ids.mode, label: t('caseHandovers.contact.mode') };
    if (path.startsWith('senderUserId')) return { id: ids.sender, label: t('caseHandovers.contact.sender') };
    if (path.startsWith('receiverUserId'))
      return { id: ids.receiver, label: t('caseHandovers.contact.receiver') };
    if (path.startsWith('note')) return { id: ids.note, label: t('caseHandovers.contact.note') };
    return null;
  };
  const server = serverErrors(mutation.error, language, fieldRef, texts);
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];
  const titleId = `handover-${h.id}-contact-title`;
  const options = (people: { userId: string; name: string }[]) =>
    people.map((p) => ({ value: p.userId, label: p.name }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const problems: SummaryItem[] = [];
    if (!at || Number.isNaN(new Date(at).getTime()))
      problems.push({ fieldId: ids.at, message: t('caseHandovers.contact.errors.at') });
    if (!sender) problems.push({ fieldId: ids.sender, message: t('caseHandovers.contact.errors.sender') });
    if (!receiver)
      problems.push({ fieldId: ids.receiver, message: t('caseHandovers.contact.errors.receiver') });
    setClientErrors(problems);
    if (problems.length === 0) mutation.mutate();
  }

  return (
    <form noValidate onSubmit={submit} className="kring-form" aria-labelledby={titleId}>
      <Heading level={4} id={titleId}>
        {t('caseHandovers.contact.title')}
      </Heading>
      <ErrorSummary items={summary} />
      <TextField
        id={ids.at}
        type="datetime-local"
        label={t('caseHandovers.contact.at')}
        description={t('caseHandovers.contact.atHelp')}
        error={fieldError(ids.at)}
        value={at}
        onChange={(event) => setAt(event.target.value)}
      />
      <SelectField
        id={ids.mode}
        label={t('caseHandovers.contact.mode')}
        error={fieldError(ids.mode)}
        value={mode}
        onChange={(event) => setMode(event.target.value as JointContactMode)}
        options={JOINT_CONTACT_MODES.map((m) => ({ value: m, label: t(`caseHandovers.modes.${m}`) }))}
      />
      <SelectField
        id={ids.sender}
        label={t('caseHandovers.contact.sender')}
        error={fieldError(ids.sender)}
        value={sender}
        placeholder={t('caseHandovers.contact.choosePerson')}
        onChange={(event) => setSender(event.target.value)}
        options={options(h.people?.sender ?? [])}
      />
      <SelectField
        id={ids.receiver}
        label={t('caseHandovers.contact.receiver')}
        error={fieldError(ids.receiver)}
        value={receiver}
        placeholder={t('caseHandovers.contact.choosePerson')}
        onChange={(event) => setReceiver(event.target.value)}
        options={options(h.people?.receiver ?? [])}
      />
      <TextareaField
        id={ids.note}
        label={t('caseHandovers.contact.note')}
        required={false}
        error={fieldError(ids.note)}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary" busy={mutation.isPending}>
          {t('caseHandovers.contact.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function ResolveForm({ handover: h }: { handover: Handover }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const refresh = useRefresh();
  const texts = useErrorTexts();
  const ids = {
    resolution: `handover-${h.id}-resolution`,
    receiver: `handover-${h.id}-resolution-receiver`,
    reason: `handover-${h.id}-resolution-reason`,
  };
  const [resolution, setResolution] = useState<HandoverResolution>('handed_over');
  const [receiver, setReceiver] = useState('');
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const mutation = useMutation({
    mutationFn: () =>
      caseHandoversApi.resolve(h.id, {
        resolution,
        reason: reason.trim(),
        ...(resolution === 'handed_over' && receiver ? { receiverUserId: receiver } : {}),
      }),
    onSuccess: refresh,
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('resolution'))
      return { id: ids.resolution, label: t('caseHandovers.resolve.resolution') };
    if (path.startsWith('receiverUserId'))
      return { id: ids.receiver, label: t('caseHandovers.resolve.receiver') };
    if (path.startsWith('reason')) return { id: ids.reason, label: t('caseHandovers.resolve.reason') };
    return null;
  };
  const server = serverErrors(mutation.error, language, fieldRef, texts);
  const summary = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];
  const titleId = `handover-${h.id}-resolve-title`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const problems: SummaryItem[] = reason.trim()
      ? []
      : [{ fieldId: ids.reason, message: t('caseHandovers.resolve.errors.reason') }];
    setClientErrors(problems);
    if (problems.length === 0) mutation.mutate();
  }

  return (
    <form noValidate onSubmit={submit} className="kring-form" aria-labelledby={titleId}>
      <Heading level={4} id={titleId}>
        {t('caseHandovers.resolve.title')}
      </Heading>
      <ErrorSummary items={summary} />
      <SelectField
        id={ids.resolution}
        label={t('caseHandovers.resolve.resolution')}
        error={fieldError(ids.resolution)}
        value={resolution}
        onChange={(event) => setResolution(event.target.value as HandoverResolution)}
        options={HANDOVER_RESOLUTIONS.map((r) => ({ value: r, label: t(`caseHandovers.resolutions.${r}`) }))}
      />
      {resolution === 'handed_over' && !h.to.user ? (
        <SelectField
          id={ids.receiver}
          label={t('caseHandovers.resolve.receiver')}
          description={t('caseHandovers.resolve.receiverHelp')}
          required={false}
          error={fieldError(ids.receiver)}
          value={receiver}
          placeholder={t('caseHandovers.resolve.choosePerson')}
          onChange={(event) => setReceiver(event.target.value)}
          options={(h.people?.receiver ?? []).map((p) => ({ value: p.userId, label: p.name }))}
        />
      ) : null}
      <TextareaField
        id={ids.reason}
        label={t('caseHandovers.resolve.reason')}
        error={fieldError(ids.reason)}
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary" busy={mutation.isPending}>
          {t('caseHandovers.resolve.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
