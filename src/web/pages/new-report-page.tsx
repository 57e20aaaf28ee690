import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import {
  INFORMATION_CATEGORIES,
  type InformationCategory,
  type PersonRole,
  VIOLENCE_KINDS,
  type ViolenceKind,
} from '../api/codes.ts';
import { queryKeys, useRegion } from '../api/queries.ts';
import type { CreatedReport, ReportInput } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button, ButtonGroup } from '../components/button.tsx';
import { CheckboxGroup, RadioGroup } from '../components/choice-group.tsx';
import { DataList } from '../components/data-list.tsx';
import { ErrorSummary, type SummaryItem } from '../components/error-summary.tsx';
import { SelectField, TextareaField } from '../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../components/heading.tsx';
import { AppLink } from '../components/link.tsx';
import { Loading, QueryFailure } from '../components/query-state.tsx';
import { useLanguage } from '../i18n/i18n.ts';
import { codeLabel } from '../i18n/labels.ts';
import { type FieldRef, serverErrors } from '../lib/field-errors.ts';
import { formatDateTimeLong } from '../lib/format.ts';
import { usePageTitle } from '../lib/use-page-title.ts';
import { paths } from '../paths.ts';
import {
  emptyPerson,
  type PersonDraft,
  PersonFields,
  personFieldId,
  validatePerson,
} from './report-person-fields.tsx';

const MAX_PERSONS = 30;
const ID = {
  municipality: 'report-municipality',
  violence: 'report-violence',
  acute: 'report-acute',
  description: 'report-description',
  noteBody: 'report-note-body',
  noteCategory: 'report-note-category',
} as const;
const ACUTE_CHOICES = ['yes', 'no'] as const;
/** Groups are reached through their first input (error links, focus). */
const violenceFirstId = `${ID.violence}-${VIOLENCE_KINDS[0]}`;
const acuteFirstId = `${ID.acute}-${ACUTE_CHOICES[0]}`;

interface Draft {
  municipalityCode: string;
  persons: PersonDraft[];
  violenceKinds: ViolenceKind[];
  acute: (typeof ACUTE_CHOICES)[number] | null;
  description: string;
  noteBody: string;
  noteCategory: InformationCategory;
}

let nextPersonKey = 1;
const newPerson = () => emptyPerson(nextPersonKey++);
const emptyDraft = (): Draft => ({
  municipalityCode: '',
  persons: [newPerson()],
  violenceKinds: [],
  acute: null,
  description: '',
  noteBody: '',
  noteCategory: 'team',
});

function Confirmation({ created, onAnother }: { created: CreatedReport; onAnother: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="ok" ref={ref} live="status">
      <Heading level={2}>{t('newReport.confirmation.title')}</Heading>
      <DataList
        items={[
          { key: 'reference', label: t('report.reference'), value: created.reference },
          {
            key: 'due',
            label: t('report.assessmentDue'),
            value: created.immediate
              ? t('report.immediate')
              : formatDateTimeLong(created.assessmentDueAt, language),
          },
        ]}
      />
      <Paragraph>{t('newReport.confirmation.text')}</Paragraph>
      <ButtonGroup>
        <AppLink to={paths.report(created.id)}>
          {t('newReport.confirmation.view', { reference: created.reference })}
        </AppLink>
        <Button type="button" appearance="secondary" onClick={onAnother}>
          {t('newReport.confirmation.another')}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}

export function NewReportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const region = useRegion();
  usePageTitle(t('newReport.title'));

  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const focusPerson = useRef<number | null>(null);

  const create = useMutation({
    mutationFn: api.createReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.reports }),
  });

  useEffect(() => {
    if (focusPerson.current === null) return;
    document.getElementById(personFieldId(focusPerson.current, 'fullName'))?.focus();
    focusPerson.current = null;
  });

  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  function fieldRef(path: string): FieldRef | null {
    const person = /^persons\.(\d+)\.(fullName|dateOfBirth|bsn|role)/.exec(path);
    if (person) {
      const index = Number(person[1]);
      const field = person[2] as 'fullName' | 'dateOfBirth' | 'bsn' | 'role';
      return {
        id: personFieldId(index, field),
        label: `${t('newReport.person', { number: index + 1 })}, ${t(`newReport.personField.${field}`)}`,
      };
    }
    if (path.startsWith('persons'))
      return { id: personFieldId(0, 'fullName'), label: t('newReport.persons') };
    if (path.startsWith('municipalityCode'))
      return { id: ID.municipality, label: t('newReport.municipality') };
    if (path.startsWith('violenceKinds')) return { id: violenceFirstId, label: t('newReport.violenceKinds') };
    if (path.startsWith('acute')) return { id: acuteFirstId, label: t('newReport.acute') };
    if (path.startsWith('description')) return { id: ID.description, label: t('newReport.description') };
    if (/^notes\.\d+\.category/.test(path))
      return { id: ID.noteCategory, label: t('newReport.noteCategory') };
    if (path.startsWith('notes')) return { id: ID.noteBody, label: t('newReport.noteBody') };
    return null;
  }

  const server = serverErrors(create.error, language, fieldRef, {
    fieldInvalid: t('common.fieldInvalid'),
    unknownError: t('common.unknownError'),
  });
  const errors: Record<string, string | undefined> = { ...server.fields, ...clientErrors };
  const summary = clientSummary.length > 0 ? clientSummary : server.summary;

  function validate(): SummaryItem[] {
    const found: SummaryItem[] = [];
    const add = (id: string, message: string) => found.push({ fieldId: id, message });
    if (!draft.municipalityCode) add(ID.municipality, t('newReport.errors.municipality'));
    draft.persons.forEach((person, index) => {
      for (const problem of validatePerson(person, index, t)) add(problem.id, problem.message);
    });
    if (draft.violenceKinds.length === 0) add(violenceFirstId, t('newReport.errors.violenceKinds'));
    if (draft.acute === null) add(acuteFirstId, t('newReport.errors.acute'));
    if (!draft.description.trim()) add(ID.description, t('newReport.errors.description'));
    return found;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found = validate();
    const byId: Record<string, string> = {};
    for (const item of found) if (item.fieldId && !byId[item.fieldId]) byId[item.fieldId] = item.message;
    setClientErrors(byId);
    setClientSummary(found);
    if (found.length > 0) return;
    const input: ReportInput = {
      municipalityCode: draft.municipalityCode,
      persons: draft.persons.map((p) => ({
        fullName: p.fullName.trim(),
        dateOfBirth: p.dateOfBirth,
        role: p.role as PersonRole,
        ...(p.bsn.trim() ? { bsn: p.bsn.replace(/[\s.]/g, '') } : {}),
      })),
      violenceKinds: draft.violenceKinds,
      acute: draft.acute === 'yes',
      description: draft.description.trim(),
      notes: draft.noteBody.trim() ? [{ category: draft.noteCategory, body: draft.noteBody.trim() }] : [],
    };
    create.mutate(input);
  }

  function startAnother() {
    create.reset();
    setDraft(emptyDraft());
    setClientErrors({});
    setClientSummary([]);
    document.getElementById('page-heading')?.focus();
  }

  if (create.isSuccess) {
    return (
      <>
        <PageHeading>{t('newReport.title')}</PageHeading>
        <Confirmation created={create.data} onAnother={startAnother} />
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('newReport.title')}</PageHeading>
      <Paragraph>{t('newReport.intro')}</Paragraph>
      {region.isPending ? <Loading /> : null}
      {region.isError ? <QueryFailure error={region.error} onRetry={() => void region.refetch()} /> : null}
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={submit} className="kring-form">
        <SelectField
          id={ID.municipality}
          label={t('newReport.municipality')}
          placeholder={t('newReport.municipalityPlaceholder')}
          error={errors[ID.municipality]}
          value={draft.municipalityCode}
          onChange={(event) => update({ municipalityCode: event.target.value })}
          options={(region.data?.municipalities ?? []).map((m) => ({ value: m.cbsCode, label: m.name }))}
        />

        <section className="kring-section">
          <Heading level={2} id="report-persons-title">
            {t('newReport.persons')}
          </Heading>
          {draft.persons.map((person, index) => (
            <PersonFields
              key={person.key}
              index={index}
              person={person}
              errors={errors}
              canRemove={draft.persons.length > 1}
              onChange={(changed) =>
                update({ persons: draft.persons.map((p) => (p.key === person.key ? changed : p)) })
              }
              onRemove={() => {
                update({ persons: draft.persons.filter((p) => p.key !== person.key) });
                focusPerson.current = Math.max(0, index - 1);
              }}
            />
          ))}
          {draft.persons.length < MAX_PERSONS ? (
            <Button
              type="button"
              appearance="secondary"
              onClick={() => {
                focusPerson.current = draft.persons.length;
                update({ persons: [...draft.persons, newPerson()] });
              }}
            >
              {t('newReport.addPerson')}
            </Button>
          ) : null}
        </section>

        <CheckboxGroup
          id={ID.violence}
          legend={t('newReport.violenceKinds')}
          description={t('newReport.violenceKindsDescription')}
          error={errors[violenceFirstId]}
          choices={VIOLENCE_KINDS.map((kind) => ({ value: kind, label: codeLabel(t, 'violenceKind', kind) }))}
          values={draft.violenceKinds}
          onChange={(violenceKinds) => update({ violenceKinds })}
        />

        <RadioGroup
          id={ID.acute}
          legend={t('newReport.acute')}
          description={t('newReport.acuteDescription')}
          error={errors[acuteFirstId]}
          choices={ACUTE_CHOICES.map((value) => ({ value, label: t(`common.${value}`) }))}
          value={draft.acute}
          onChange={(acute) => update({ acute })}
        />

        <TextareaField
          id={ID.description}
          label={t('newReport.description')}
          description={t('newReport.descriptionHelp')}
          error={errors[ID.description]}
          rows={6}
          maxLength={10_000}
          value={draft.description}
          onChange={(event) => update({ description: event.target.value })}
        />

        <section className="kring-section">
          <Heading level={2} id="report-note-title">
            {t('newReport.noteTitle')}
          </Heading>
          <TextareaField
            id={ID.noteBody}
            label={t('newReport.noteBody')}
            required={false}
            error={errors[ID.noteBody]}
            rows={4}
            maxLength={10_000}
            value={draft.noteBody}
            onChange={(event) => update({ noteBody: event.target.value })}
          />
          <SelectField
            id={ID.noteCategory}
            label={t('newReport.noteCategory')}
            description={t('newReport.noteCategoryHelp')}
            error={errors[ID.noteCategory]}
            value={draft.noteCategory}
            onChange={(event) => update({ noteCategory: event.target.value as InformationCategory })}
            options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'category', c) }))}
          />
        </section>

        <ButtonGroup>
          <Button type="submit" busy={create.isPending}>
            {t('newReport.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
