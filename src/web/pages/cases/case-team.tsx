import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_ROLES, type CaseDetail, type CaseRole, caseKeys, casesApi } from '../../api/cases-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/form-field.tsx';
import { Heading, Paragraph } from '../../components/heading.tsx';
import { Cell, Row, RowHeader, Table, TableBody, TableHead } from '../../components/table.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';

const ID = { person: 'team-person', role: 'team-role' } as const;

/** The team around the household; the coordinator (or Veilig Thuis) adds and removes members. */
export function CaseTeam({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.all });
  const remove = useMutation({
    mutationFn: (memberId: string) => casesApi.removeTeamMember(kase.id, memberId),
    onSuccess: refresh,
  });
  const removeErrors = serverErrors(remove.error, language, () => null, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  return (
    <section className="kring-section" aria-labelledby="case-team-title">
      <Heading level={2} id="case-team-title">
        {t('cases.team.title')}
      </Heading>
      <ErrorSummary items={removeErrors.summary} />
      {remove.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('cases.team.removed')}</Paragraph>
        </Alert>
      ) : null}
      <Table caption={t('cases.team.caption')}>
        <TableHead
          columns={[
            t('cases.team.name'),
            t('cases.team.organisation'),
            t('cases.team.role'),
            t('cases.team.joinedAt'),
            ...(kase.canManageTeam ? [t('cases.team.actions')] : []),
          ]}
        />
        <TableBody>
          {kase.team.map((m) => (
            <Row key={m.id}>
              <RowHeader>{m.name}</RowHeader>
              <Cell>{m.organisation}</Cell>
              <Cell>{t(`cases.caseRoles.${m.caseRole}`)}</Cell>
              <Cell>{formatDateTime(m.joinedAt, language)}</Cell>
              {kase.canManageTeam ? (
                <Cell>
                  {m.caseRole === 'coordinator' && m.userId === kase.coordinator.userId ? null : (
                    <Button
                      type="button"
                      appearance="secondary"
                      busy={remove.isPending && remove.variables === m.id}
                      onClick={() => remove.mutate(m.id)}
                    >
                      {t('cases.team.remove', { name: m.name })}
                    </Button>
                  )}
                </Cell>
              ) : null}
            </Row>
          ))}
        </TableBody>
      </Table>
      {kase.canManageTeam ? <AddTeamMemberForm kase={kase} /> : null}
    </section>
  );
}

function AddTeamMemberForm({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const candidates = useQuery({
    queryKey: caseKeys.candidates(kase.id),
    queryFn: () => casesApi.candidates(kase.id),
  });
  const [person, setPerson] = useState('');
  const [caseRole, setCaseRole] = useState<CaseRole>('safety_partner');
  const [clientError, setClientError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (input: { userId: string; organisationId: string; caseRole: CaseRole }) =>
      casesApi.addTeamMember(kase.id, input),
    onSuccess: async () => {
      setPerson('');
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  const fieldRef = (path: string): FieldRef | null => {
    if (path.startsWith('userId') || path.startsWith('organisationId'))
      return { id: ID.person, label: t('cases.team.person') };
    if (path.startsWith('caseRole')) return { id: ID.role, label: t('cases.team.role') };
    return null;
  };
  const server = serverErrors(add.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const summary: SummaryItem[] = clientError
    ? [{ fieldId: ID.person, message: clientError }]
    : server.summary;
  const inTeam = new Set(kase.team.map((m) => `${m.userId}|${m.organisationId}`));
  const options = (candidates.data ?? [])
    .filter((c) => !inTeam.has(`${c.userId}|${c.organisationId}`))
    .map((c) => ({ value: `${c.userId}|${c.organisationId}`, label: `${c.name} — ${c.organisation}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    const [userId, organisationId] = person.split('|');
    if (!userId || !organisationId) {
      setClientError(t('cases.team.errors.person'));
      return;
    }
    setClientError(null);
    add.mutate({ userId, organisationId, caseRole });
  }

  return (
    <div className="kring-panel">
      <Heading level={3} id="team-form-title">
        {t('cases.team.addTitle')}
      </Heading>
      {add.isSuccess ? (
        <Alert type="ok" live="status">
          <Paragraph>{t('cases.team.added')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="team-form-title">
        <SelectField
          id={ID.person}
          label={t('cases.team.person')}
          description={t('cases.team.personHelp')}
          error={clientError ?? server.fields[ID.person]}
          value={person}
          placeholder={t('cases.team.choosePerson')}
          onChange={(event) => setPerson(event.target.value)}
          options={options}
        />
        <SelectField
          id={ID.role}
          label={t('cases.team.role')}
          error={server.fields[ID.role]}
          value={caseRole}
          onChange={(event) => setCaseRole(event.target.value as CaseRole)}
          options={CASE_ROLES.filter((r) => r !== 'coordinator').map((r) => ({
            value: r,
            label: t(`cases.caseRoles.${r}`),
          }))}
        />
        <ButtonGroup>
          <Button type="submit" busy={add.isPending}>
            {t('cases.team.add')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
