import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseHandoversApi,
  type HandoverSubject,
  handoverKeys,
  type ProposeHandoverInput,
} from '../../api/case-handovers-api.ts';
import { type CaseDetail, caseKeys } from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { CheckboxGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { useCurrentSession } from '../../session/current-session.tsx';
import { HandoverCard } from './handover-card.tsx';

const ID = {
  subject: 'handover-subject',
  task: 'handover-task',
  organisation: 'handover-organisation',
  person: 'handover-person',
  summary: 'handover-summary',
  warm: 'handover-warm',
} as const;

/** Handovers between organisations on the case page: list with history, and the forms for each step. */
export function CaseHandovers({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const handovers = useQuery({
    queryKey: handoverKeys.ofCase(kase.id),
    queryFn: () => caseHandoversApi.list(kase.id),
  });
  return (
    <section className="kring-section" aria-labelledby="case-handovers-title">
      <Heading level={2} id="case-handovers-title">
        {t('caseHandovers.title')}
      </Heading>
      <Paragraph>{t('caseHandovers.intro')}</Paragraph>
      {handovers.isPending ? <Loading /> : null}
      {handovers.isError ? (
        <QueryFailure error={handovers.error} onRetry={() => void handovers.refetch()} />
      ) : null}
      {handovers.data?.length === 0 ? <Paragraph>{t('caseHandovers.empty')}</Paragraph> : null}
      {handovers.data?.map((h) => (
        <HandoverCard key={h.id} handover={h} />
      ))}
      {kase.access === 'team' ? <ProposeHandoverForm kase={kase} /> : null}
    </section>
  );
}

function ProposeHandoverForm({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const candidates = useQuery({
    queryKey: handoverKeys.candidates(kase.id),
    queryFn: () => caseHandoversApi.candidates(kase.id),
  });
  const isCoordinator = session.user.id === kase.coordinator.userId;
  const [subject, setSubject] = useState<HandoverSubject>('task');
  const [task, setTask] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [person, setPerson] = useState('');
  const [summary, setSummary] = useState('');
  const [warm, setWarm] = useState<string[]>(['warm']);
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  const propose = useMutation({
    mutationFn: (input: ProposeHandoverInput) => caseHandoversApi.propose(kase.id, input),
    onSuccess: async () => {
      setTask('');
      setSummary('');
      setPerson('');
      await queryClient.invalidateQueries({ queryKey: handoverKeys.all });
      await queryClient.invalidateQueries({ queryKey: caseKeys.detail(kase.id) });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('subject')) return { id: ID.subject, label: t('caseHandovers.propose.subject') };
    if (path.startsWith('taskDescription')) return { id: ID.task, label: t('caseHandovers.propose.task') };
    if (path.startsWith('toOrganisationId'))
      return { id: ID.organisation, label: t('caseHandovers.propose.organisation') };
    if (path.startsWith('toUserId')) return { id: ID.person, label: t('caseHandovers.propose.person') };
    if (path.startsWith('summary')) return { id: ID.summary, label: t('caseHandovers.propose.summary') };
    return null;
  };
  const server = serverErrors(propose.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const errorItems = clientErrors.length > 0 ? clientErrors : server.summary;
  const fieldError = (id: string) => clientErrors.find((e) => e.fieldId === id)?.message ?? server.fields[id];
  const people = (candidates.data?.people ?? []).filter((p) => p.organisationId === organisation);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (propose.isPending) return;
    const problems: SummaryItem[] = [];
    if (subject === 'task' && !task.trim())
      problems.push({ fieldId: ID.task, message: t('caseHandovers.propose.errors.task') });
    if (!organisation)
      problems.push({ fieldId: ID.organisation, message: t('caseHandovers.propose.errors.organisation') });
    if (!summary.trim())
      problems.push({ fieldId: ID.summary, message: t('caseHandovers.propose.errors.summary') });
    setClientErrors(problems);
    if (problems.length > 0) return;
    propose.mutate({
      subject,
      ...(subject === 'task' ? { taskDescription: task.trim() } : {}),
      toOrganisationId: organisation,
      ...(person ? { toUserId: person } : {}),
      summary: summary.trim(),
      warm: warm.includes('warm'),
    });
  }

  return (
    <div className="kring-panel">
      <Heading level={3} id="handover-form-title">
        {t('caseHandovers.propose.title')}
      </Heading>
      {propose.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('caseHandovers.propose.proposed')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={errorItems} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="handover-form-title">
        <SelectField
          id={ID.subject}
          label={t('caseHandovers.propose.subject')}
          description={t('caseHandovers.propose.subjectHelp')}
          error={fieldError(ID.subject)}
          value={subject}
          onChange={(event) => setSubject(event.target.value as HandoverSubject)}
          options={[
            { value: 'task', label: t('caseHandovers.subjects.task') },
            ...(isCoordinator
              ? [{ value: 'coordination', label: t('caseHandovers.subjects.coordination') }]
              : []),
          ]}
        />
        {subject === 'task' ? (
          <TextareaField
            id={ID.task}
            label={t('caseHandovers.propose.task')}
            error={fieldError(ID.task)}
            rows={2}
            maxLength={1000}
            value={task}
            onChange={(event) => setTask(event.target.value)}
          />
        ) : null}
        <SelectField
          id={ID.organisation}
          label={t('caseHandovers.propose.organisation')}
          error={fieldError(ID.organisation)}
          value={organisation}
          placeholder={t('caseHandovers.propose.chooseOrganisation')}
          onChange={(event) => {
            setOrganisation(event.target.value);
            setPerson('');
          }}
          options={(candidates.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          id={ID.person}
          label={t('caseHandovers.propose.person')}
          required={false}
          error={fieldError(ID.person)}
          value={person}
          placeholder={t('caseHandovers.propose.anyone')}
          onChange={(event) => setPerson(event.target.value)}
          options={people.map((p) => ({ value: p.userId, label: p.name }))}
        />
        <TextareaField
          id={ID.summary}
          label={t('caseHandovers.propose.summary')}
          description={t('caseHandovers.propose.summaryHelp')}
          error={fieldError(ID.summary)}
          rows={4}
          maxLength={4000}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
        />
        <CheckboxGroup
          id={ID.warm}
          legend={t('caseHandovers.fields.warm')}
          choices={[{ value: 'warm', label: t('caseHandovers.propose.warm') }]}
          values={warm}
          onChange={setWarm}
        />
        <ButtonGroup>
          <Button type="submit" busy={propose.isPending}>
            {t('caseHandovers.propose.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
