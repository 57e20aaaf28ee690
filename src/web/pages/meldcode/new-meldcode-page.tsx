import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PERSON_ROLES, type PersonRole, VIOLENCE_KINDS, type ViolenceKind } from '../../api/codes.ts';
import { meldcodeApi, meldcodeKeys } from '../../api/meldcode-api.ts';
import { useRegion } from '../../api/queries.ts';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { CheckboxGroup, RadioGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { useLanguage } from '../../i18n/i18n.ts';
import { codeLabel } from '../../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../../lib/field-errors.ts';
import { todayInAmsterdam } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { meldcodePaths } from './meldcode-paths.ts';

type PersonField = 'fullName' | 'dateOfBirth' | 'role';
interface PersonDraft {
  key: number;
  fullName: string;
  dateOfBirth: string;
  role: PersonRole | '';
}

const ID = {
  municipality: 'meldcode-municipality',
  client: 'meldcode-client',
  expecting: 'meldcode-expecting',
  violence: 'meldcode-violence',
} as const;
const YES_NO = ['yes', 'no'] as const;
const personId = (index: number, field: PersonField) => `meldcode-person-${index}-${field}`;
const violenceFirstId = `${ID.violence}-${VIOLENCE_KINDS[0]}`;
const expectingFirstId = `${ID.expecting}-yes`;
const clientFirstId = `${ID.client}-0`;

let nextKey = 1;
const emptyPerson = (): PersonDraft => ({ key: nextKey++, fullName: '', dateOfBirth: '', role: '' });

export function NewMeldcodePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const region = useRegion();
  usePageTitle(t('meldcode.new.title'));

  const [municipalityCode, setMunicipality] = useState('');
  const [persons, setPersons] = useState<PersonDraft[]>(() => [emptyPerson()]);
  const [client, setClient] = useState<string | null>(null);
  const [expecting, setExpecting] = useState<(typeof YES_NO)[number] | null>(null);
  const [violenceKinds, setViolenceKinds] = useState<ViolenceKind[]>([]);
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);

  const create = useMutation({
    mutationFn: meldcodeApi.create,
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: meldcodeKeys.all });
      await navigate(meldcodePaths.record(id));
    },
  });

  const fieldRef = (path: string): FieldRef | null => {
    const person = /^persons\.(\d+)\.(fullName|dateOfBirth|role)/.exec(path);
    if (person) {
      const index = Number(person[1]);
      const field = person[2] as PersonField;
      return {
        id: personId(index, field),
        label: `${t('meldcode.new.person', { number: index + 1 })}, ${t(`meldcode.new.${field}`)}`,
      };
    }
    if (path.startsWith('municipalityCode'))
      return { id: ID.municipality, label: t('meldcode.new.municipality') };
    if (path.startsWith('clientIndex')) return { id: clientFirstId, label: t('meldcode.new.client') };
    if (path.startsWith('violenceKinds'))
      return { id: violenceFirstId, label: t('meldcode.new.violenceKinds') };
    return null;
  };
  const server = serverErrors(create.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const errors: Record<string, string | undefined> = { ...server.fields };
  for (const item of clientSummary)
    if (item.fieldId && !errors[item.fieldId]) errors[item.fieldId] = item.message;
  const summary = clientSummary.length > 0 ? clientSummary : server.summary;

  function validate(): SummaryItem[] {
    const found: SummaryItem[] = [];
    const add = (fieldId: string, message: string) => found.push({ fieldId, message });
    if (!municipalityCode) add(ID.municipality, t('meldcode.new.errors.municipality'));
    persons.forEach((p, index) => {
      const number = index + 1;
      if (!p.fullName.trim()) add(personId(index, 'fullName'), t('meldcode.new.errors.fullName', { number }));
      if (!p.dateOfBirth)
        add(personId(index, 'dateOfBirth'), t('meldcode.new.errors.dateOfBirth', { number }));
      if (!p.role) add(personId(index, 'role'), t('meldcode.new.errors.role', { number }));
    });
    if (client === null || Number(client) >= persons.length)
      add(clientFirstId, t('meldcode.new.errors.client'));
    if (expecting === null) add(expectingFirstId, t('meldcode.new.errors.expectingChild'));
    if (violenceKinds.length === 0) add(violenceFirstId, t('meldcode.new.errors.violenceKinds'));
    return found;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found = validate();
    setClientSummary(found);
    if (found.length > 0) return;
    create.mutate({
      municipalityCode,
      persons: persons.map((p) => ({
        fullName: p.fullName.trim(),
        dateOfBirth: p.dateOfBirth,
        role: p.role as PersonRole,
      })),
      clientIndex: Number(client),
      expectingChild: expecting === 'yes',
      violenceKinds,
    });
  }

  const setPerson = (key: number, patch: Partial<PersonDraft>) =>
    setPersons((current) => current.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  return (
    <>
      <PageHeading>{t('meldcode.new.title')}</PageHeading>
      <Paragraph>{t('meldcode.new.intro')}</Paragraph>
      {region.isPending ? <Loading /> : null}
      {region.isError ? <QueryFailure error={region.error} onRetry={() => void region.refetch()} /> : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form">
        <SelectField
          id={ID.municipality}
          label={t('meldcode.new.municipality')}
          placeholder={t('meldcode.new.municipalityPlaceholder')}
          error={errors[ID.municipality]}
          value={municipalityCode}
          onChange={(event) => setMunicipality(event.target.value)}
          options={(region.data?.municipalities ?? []).map((m) => ({ value: m.cbsCode, label: m.name }))}
        />
        <section className="kring-section">
          <Heading level={2}>{t('meldcode.new.persons')}</Heading>
          {persons.map((person, index) => (
            <fieldset key={person.key} className="utrecht-form-fieldset--html-fieldset kring-person">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
                {t('meldcode.new.person', { number: index + 1 })}
              </legend>
              <TextField
                id={personId(index, 'fullName')}
                label={t('meldcode.new.fullName')}
                error={errors[personId(index, 'fullName')]}
                type="text"
                autoComplete="off"
                maxLength={200}
                value={person.fullName}
                onChange={(event) => setPerson(person.key, { fullName: event.target.value })}
              />
              <TextField
                id={personId(index, 'dateOfBirth')}
                label={t('meldcode.new.dateOfBirth')}
                error={errors[personId(index, 'dateOfBirth')]}
                type="date"
                min="1900-01-01"
                max={todayInAmsterdam()}
                value={person.dateOfBirth}
                onChange={(event) => setPerson(person.key, { dateOfBirth: event.target.value })}
                className="kring-input-date"
              />
              <SelectField
                id={personId(index, 'role')}
                label={t('meldcode.new.role')}
                placeholder={t('meldcode.new.rolePlaceholder')}
                error={errors[personId(index, 'role')]}
                value={person.role}
                onChange={(event) => setPerson(person.key, { role: event.target.value as PersonRole | '' })}
                options={PERSON_ROLES.map((role) => ({
                  value: role,
                  label: codeLabel(t, 'personRole', role),
                }))}
              />
              {persons.length > 1 ? (
                <Button
                  type="button"
                  appearance="subtle"
                  onClick={() => {
                    setPersons((current) => current.filter((p) => p.key !== person.key));
                    setClient(null);
                  }}
                >
                  {t('meldcode.new.removePerson', { number: index + 1 })}
                </Button>
              ) : null}
            </fieldset>
          ))}
          {persons.length < 30 ? (
            <Button
              type="button"
              appearance="secondary"
              onClick={() => setPersons((c) => [...c, emptyPerson()])}
            >
              {t('meldcode.new.addPerson')}
            </Button>
          ) : null}
        </section>
        <RadioGroup
          id={ID.client}
          legend={t('meldcode.new.client')}
          error={errors[clientFirstId]}
          choices={persons.map((p, index) => ({
            value: String(index),
            label: t('meldcode.new.clientChoice', { number: index + 1, name: p.fullName.trim() || '…' }),
          }))}
          value={client}
          onChange={setClient}
        />
        <RadioGroup
          id={ID.expecting}
          legend={t('meldcode.new.expectingChild')}
          error={errors[expectingFirstId]}
          choices={YES_NO.map((value) => ({ value, label: t(`common.${value}`) }))}
          value={expecting}
          onChange={setExpecting}
        />
        <CheckboxGroup
          id={ID.violence}
          legend={t('meldcode.new.violenceKinds')}
          error={errors[violenceFirstId]}
          choices={VIOLENCE_KINDS.map((kind) => ({ value: kind, label: codeLabel(t, 'violenceKind', kind) }))}
          values={violenceKinds}
          onChange={setViolenceKinds}
        />
        <ButtonGroup>
          <Button type="submit" busy={create.isPending}>
            {t('meldcode.new.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
