import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PublicReportInput,
  usePublicMunicipalities,
  useReportAsResident,
} from '../../api/advice-api.ts';
import { PERSON_ROLES, type PersonRole, VIOLENCE_KINDS, type ViolenceKind } from '../../api/codes.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonGroup } from '../../components/button.tsx';
import { CheckboxGroup, RadioGroup } from '../../components/choice-group.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../components/form-field.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/heading.tsx';
import { AppLink } from '../../components/link.tsx';
import { Loading, QueryFailure } from '../../components/query-state.tsx';
import { codeLabel } from '../../i18n/labels.ts';
import { todayInAmsterdam } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useFormErrors } from './advice-fields.tsx';
import { advicePaths, VEILIG_THUIS_PHONE } from './paths.ts';
import { EmergencyNotice, PublicPage } from './public-help.tsx';

const MAX_PERSONS = 10;
const EARLIEST_BIRTH = '1900-01-01';
const YES_NO = ['yes', 'no'] as const;
const ID = {
  municipality: 'help-report-municipality',
  kinds: 'help-report-kinds',
  kindsFirst: `help-report-kinds-${VIOLENCE_KINDS[0]}`,
  acute: 'help-report-acute',
  acuteFirst: `help-report-acute-${YES_NO[0]}`,
  description: 'help-report-description',
  name: 'help-report-name',
  phone: 'help-report-phone',
  email: 'help-report-email',
  anonymous: 'help-report-anonymous',
} as const;
type PersonField = 'fullName' | 'dateOfBirth' | 'role';
const personId = (index: number, field: PersonField) => `help-report-person-${index}-${field}`;

interface Person {
  key: number;
  fullName: string;
  dateOfBirth: string;
  role: PersonRole | '';
}
let nextKey = 1;
const newPerson = (): Person => ({ key: nextKey++, fullName: '', dateOfBirth: '', role: '' });

interface Draft {
  municipalityCode: string;
  persons: Person[];
  violenceKinds: ViolenceKind[];
  acute: (typeof YES_NO)[number] | null;
  description: string;
  name: string;
  phone: string;
  email: string;
  anonymousToHousehold: boolean;
}
const emptyDraft = (): Draft => ({
  municipalityCode: '',
  persons: [newPerson()],
  violenceKinds: [],
  acute: null,
  description: '',
  name: '',
  phone: '',
  email: '',
  anonymousToHousehold: false,
});

function Sent({ reference, anonymous }: { reference: string; anonymous: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="ok" ref={ref} live="status">
      <Heading level={2}>{t('advice.publicReport.sentTitle')}</Heading>
      <Paragraph>{t('advice.public.yourReference')}</Paragraph>
      <p className="utrecht-paragraph kring-help-emergency__main">{reference}</p>
      <Paragraph>{t('advice.public.keepReference')}</Paragraph>
      <Heading level={3}>{t('advice.public.nextTitle')}</Heading>
      <ul className="utrecht-unordered-list kring-help-steps">
        <li className="utrecht-unordered-list__item">{t('advice.publicReport.next1')}</li>
        <li className="utrecht-unordered-list__item">{t('advice.publicReport.next2')}</li>
        {anonymous ? (
          <li className="utrecht-unordered-list__item">{t('advice.publicReport.nextAnonymous')}</li>
        ) : null}
        <li className="utrecht-unordered-list__item">
          {t('advice.publicReport.nextQuestions', { phone: VEILIG_THUIS_PHONE.text })}
        </li>
        <li className="utrecht-unordered-list__item">{t('advice.public.nextDanger')}</li>
      </ul>
      <Paragraph>
        <AppLink to={advicePaths.help}>{t('advice.public.backToHelp')}</AppLink>
      </Paragraph>
    </Alert>
  );
}

/** "/hulp/melden": a resident makes a report; Veilig Thuis knows who they are, the household need not. */
export function PublicReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('advice.publicReport.title'));
  const municipalities = usePublicMunicipalities();
  const report = useReportAsResident();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [clientSummary, setClientSummary] = useState<SummaryItem[]>([]);
  const focusPerson = useRef<number | null>(null);
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const personLabel = (index: number) => t('advice.publicReport.person', { number: index + 1 });
  const personFieldLabel = (field: PersonField) => t(`advice.publicReport.personField.${field}`);

  useEffect(() => {
    if (focusPerson.current === null) return;
    document.getElementById(personId(focusPerson.current, 'fullName'))?.focus();
    focusPerson.current = null;
  });

  const { errors, summary } = useFormErrors(clientSummary, report.error, (path) => {
    const person = /^persons\.(\d+)\.(fullName|dateOfBirth|role)/.exec(path);
    if (person) {
      const index = Number(person[1]);
      const field = person[2] as PersonField;
      return { id: personId(index, field), label: `${personLabel(index)}, ${personFieldLabel(field)}` };
    }
    if (path.startsWith('persons'))
      return { id: personId(0, 'fullName'), label: t('advice.publicReport.persons') };
    if (path.startsWith('municipalityCode'))
      return { id: ID.municipality, label: t('advice.public.municipality') };
    if (path.startsWith('violenceKinds')) return { id: ID.kindsFirst, label: t('advice.public.kinds') };
    if (path.startsWith('acute')) return { id: ID.acuteFirst, label: t('advice.publicReport.acute') };
    if (path.startsWith('description'))
      return { id: ID.description, label: t('advice.publicReport.description') };
    if (path.startsWith('reporter.name')) return { id: ID.name, label: t('advice.publicReport.name') };
    if (path.startsWith('reporter.phone')) return { id: ID.phone, label: t('advice.publicReport.phone') };
    if (path.startsWith('reporter.email')) return { id: ID.email, label: t('advice.publicReport.email') };
    return null;
  });

  function validate(): SummaryItem[] {
    const found: SummaryItem[] = [];
    const add = (fieldId: string, message: string) => found.push({ fieldId, message });
    if (!draft.municipalityCode) add(ID.municipality, t('advice.public.errors.municipality'));
    draft.persons.forEach((p, index) => {
      const number = index + 1;
      if (!p.fullName.trim())
        add(personId(index, 'fullName'), t('advice.publicReport.errors.fullName', { number }));
      if (!p.dateOfBirth)
        add(personId(index, 'dateOfBirth'), t('advice.publicReport.errors.dateOfBirth', { number }));
      else if (p.dateOfBirth < EARLIEST_BIRTH || p.dateOfBirth > todayInAmsterdam())
        add(personId(index, 'dateOfBirth'), t('advice.publicReport.errors.dateOfBirthRange', { number }));
      if (!p.role) add(personId(index, 'role'), t('advice.publicReport.errors.role', { number }));
    });
    if (draft.violenceKinds.length === 0) add(ID.kindsFirst, t('advice.public.errors.kinds'));
    if (draft.acute === null) add(ID.acuteFirst, t('advice.publicReport.errors.acute'));
    if (!draft.description.trim()) add(ID.description, t('advice.publicReport.errors.description'));
    if (!draft.name.trim()) add(ID.name, t('advice.publicReport.errors.name'));
    const phone = draft.phone.trim();
    const email = draft.email.trim();
    if (!phone && !email) add(ID.phone, t('advice.publicReport.errors.contact'));
    if (phone && !/^[0-9 +()-]{6,20}$/.test(phone)) add(ID.phone, t('advice.publicReport.errors.phone'));
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      add(ID.email, t('advice.publicReport.errors.email'));
    return found;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (report.isPending) return;
    const found = validate();
    setClientSummary(found);
    if (found.length > 0) return;
    const phone = draft.phone.trim();
    const email = draft.email.trim();
    const input: PublicReportInput = {
      municipalityCode: draft.municipalityCode,
      persons: draft.persons.map((p) => ({
        fullName: p.fullName.trim(),
        dateOfBirth: p.dateOfBirth,
        role: p.role as PersonRole,
      })),
      violenceKinds: draft.violenceKinds,
      acute: draft.acute === 'yes',
      description: draft.description.trim(),
      reporter: {
        name: draft.name.trim(),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
        anonymousToHousehold: draft.anonymousToHousehold,
      },
    };
    report.mutate(input);
  }

  const anonymousDescriptionId = `${ID.anonymous}-description`;

  return (
    <PublicPage>
      <EmergencyNotice />
      <PageHeading>{t('advice.publicReport.title')}</PageHeading>
      {report.isSuccess ? (
        <Sent
          reference={report.data.reference}
          anonymous={report.variables?.reporter.anonymousToHousehold ?? false}
        />
      ) : (
        <>
          <Paragraph className="kring-help-lead">{t('advice.publicReport.intro')}</Paragraph>
          {municipalities.isPending ? <Loading /> : null}
          {municipalities.isError ? (
            <QueryFailure error={municipalities.error} onRetry={() => void municipalities.refetch()} />
          ) : null}
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={submit} className="kring-form" aria-labelledby="page-heading">
            <SelectField
              id={ID.municipality}
              label={t('advice.public.municipality')}
              description={t('advice.public.municipalityDescription')}
              placeholder={t('advice.form.municipalityPlaceholder')}
              error={errors[ID.municipality]}
              value={draft.municipalityCode}
              onChange={(event) => update({ municipalityCode: event.target.value })}
              options={(municipalities.data ?? []).map((m) => ({ value: m.cbsCode, label: m.name }))}
            />

            <section className="kring-section" aria-labelledby="help-report-persons-title">
              <Heading level={2} id="help-report-persons-title">
                {t('advice.publicReport.persons')}
              </Heading>
              <Paragraph>{t('advice.publicReport.personsIntro')}</Paragraph>
              {draft.persons.map((person, index) => {
                const set = (patch: Partial<Person>) =>
                  update({
                    persons: draft.persons.map((p) => (p.key === person.key ? { ...p, ...patch } : p)),
                  });
                return (
                  <fieldset key={person.key} className="utrecht-form-fieldset--html-fieldset kring-person">
                    <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
                      {personLabel(index)}
                    </legend>
                    <TextField
                      id={personId(index, 'fullName')}
                      label={personFieldLabel('fullName')}
                      error={errors[personId(index, 'fullName')]}
                      type="text"
                      autoComplete="off"
                      maxLength={200}
                      value={person.fullName}
                      onChange={(event) => set({ fullName: event.target.value })}
                    />
                    <TextField
                      id={personId(index, 'dateOfBirth')}
                      label={personFieldLabel('dateOfBirth')}
                      description={t('advice.publicReport.dateOfBirthDescription')}
                      error={errors[personId(index, 'dateOfBirth')]}
                      type="date"
                      min={EARLIEST_BIRTH}
                      max={todayInAmsterdam()}
                      value={person.dateOfBirth}
                      onChange={(event) => set({ dateOfBirth: event.target.value })}
                      className="kring-input-date"
                    />
                    <SelectField
                      id={personId(index, 'role')}
                      label={personFieldLabel('role')}
                      placeholder={t('advice.publicReport.rolePlaceholder')}
                      error={errors[personId(index, 'role')]}
                      value={person.role}
                      onChange={(event) => set({ role: event.target.value as PersonRole | '' })}
                      options={PERSON_ROLES.map((role) => ({
                        value: role,
                        label: t(`advice.publicReport.personRole.${role}`, {
                          defaultValue: codeLabel(t, 'personRole', role),
                        }),
                      }))}
                    />
                    {draft.persons.length > 1 ? (
                      <Button
                        type="button"
                        appearance="subtle"
                        onClick={() => {
                          update({ persons: draft.persons.filter((p) => p.key !== person.key) });
                          focusPerson.current = Math.max(0, index - 1);
                        }}
                      >
                        {t('advice.publicReport.removePerson', { number: index + 1 })}
                      </Button>
                    ) : null}
                  </fieldset>
                );
              })}
              {draft.persons.length < MAX_PERSONS ? (
                <Button
                  type="button"
                  appearance="secondary"
                  onClick={() => {
                    focusPerson.current = draft.persons.length;
                    update({ persons: [...draft.persons, newPerson()] });
                  }}
                >
                  {t('advice.publicReport.addPerson')}
                </Button>
              ) : null}
            </section>

            <CheckboxGroup
              id={ID.kinds}
              legend={t('advice.public.kinds')}
              description={t('advice.public.kindsDescription')}
              error={errors[ID.kindsFirst]}
              choices={VIOLENCE_KINDS.map((kind) => ({
                value: kind,
                label: codeLabel(t, 'violenceKind', kind),
              }))}
              values={draft.violenceKinds}
              onChange={(violenceKinds) => update({ violenceKinds })}
            />

            <RadioGroup
              id={ID.acute}
              legend={t('advice.publicReport.acute')}
              description={t('advice.publicReport.acuteDescription')}
              error={errors[ID.acuteFirst]}
              choices={YES_NO.map((value) => ({ value, label: t(`common.${value}`) }))}
              value={draft.acute}
              onChange={(acute) => update({ acute })}
            />

            <TextareaField
              id={ID.description}
              label={t('advice.publicReport.description')}
              description={t('advice.publicReport.descriptionHelp')}
              error={errors[ID.description]}
              rows={6}
              maxLength={10_000}
              value={draft.description}
              onChange={(event) => update({ description: event.target.value })}
            />

            <fieldset className="utrecht-form-fieldset--html-fieldset kring-person">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
                {t('advice.publicReport.reporter')}
              </legend>
              <Paragraph>{t('advice.publicReport.reporterIntro')}</Paragraph>
              <TextField
                id={ID.name}
                label={t('advice.publicReport.name')}
                error={errors[ID.name]}
                type="text"
                autoComplete="name"
                maxLength={200}
                value={draft.name}
                onChange={(event) => update({ name: event.target.value })}
              />
              <TextField
                id={ID.phone}
                label={t('advice.publicReport.phone')}
                description={t('advice.publicReport.contactDescription')}
                required={false}
                error={errors[ID.phone]}
                type="tel"
                autoComplete="tel"
                maxLength={20}
                value={draft.phone}
                onChange={(event) => update({ phone: event.target.value })}
              />
              <TextField
                id={ID.email}
                label={t('advice.publicReport.email')}
                required={false}
                error={errors[ID.email]}
                type="email"
                autoComplete="email"
                maxLength={200}
                value={draft.email}
                onChange={(event) => update({ email: event.target.value })}
              />
              <div className="utrecht-form-field utrecht-form-field--checkbox kring-choice kring-help-checkbox">
                <div className="utrecht-form-field__input">
                  <input
                    id={ID.anonymous}
                    type="checkbox"
                    checked={draft.anonymousToHousehold}
                    aria-describedby={anonymousDescriptionId}
                    onChange={(event) => update({ anonymousToHousehold: event.target.checked })}
                    className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                  />
                </div>
                <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
                  <label htmlFor={ID.anonymous} className="utrecht-form-label utrecht-form-label--checkbox">
                    {t('advice.publicReport.anonymous')}
                  </label>
                </div>
              </div>
              <p id={anonymousDescriptionId} className="utrecht-form-field-description">
                {t('advice.publicReport.anonymousDescription')}
              </p>
            </fieldset>

            <ButtonGroup>
              <Button type="submit" busy={report.isPending} className="kring-help-submit">
                {t('advice.publicReport.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </PublicPage>
  );
}
