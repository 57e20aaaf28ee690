import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PERSON_ROLES, type PersonRole } from '../api/codes.ts';
import { Button } from '../components/button.tsx';
import { SelectField, TextField } from '../components/form-field.tsx';
import { codeLabel } from '../i18n/labels.ts';
import { passesElfproef } from '../lib/bsn.ts';
import { todayInAmsterdam } from '../lib/format.ts';

export interface PersonDraft {
  /** Stable React key; ids use the position, as the server's error paths do. */
  key: number;
  fullName: string;
  dateOfBirth: string;
  bsn: string;
  role: PersonRole | '';
}

export type PersonField = 'fullName' | 'dateOfBirth' | 'bsn' | 'role';

export const emptyPerson = (key: number): PersonDraft => ({
  key,
  fullName: '',
  dateOfBirth: '',
  bsn: '',
  role: '',
});

export function personFieldId(index: number, field: PersonField): string {
  return `report-person-${index}-${field}`;
}

const EARLIEST_BIRTH = '1900-01-01';

/** Checks the client can make; the server repeats them and decides. */
export function validatePerson(
  person: PersonDraft,
  index: number,
  t: TFunction,
): { id: string; message: string }[] {
  const number = index + 1;
  const problems: { id: string; message: string }[] = [];
  if (!person.fullName.trim())
    problems.push({
      id: personFieldId(index, 'fullName'),
      message: t('newReport.errors.fullName', { number }),
    });
  if (!person.dateOfBirth)
    problems.push({
      id: personFieldId(index, 'dateOfBirth'),
      message: t('newReport.errors.dateOfBirth', { number }),
    });
  else if (person.dateOfBirth < EARLIEST_BIRTH || person.dateOfBirth > todayInAmsterdam())
    problems.push({
      id: personFieldId(index, 'dateOfBirth'),
      message: t('newReport.errors.dateOfBirthRange', { number }),
    });
  if (!person.role)
    problems.push({ id: personFieldId(index, 'role'), message: t('newReport.errors.role', { number }) });
  return problems;
}

export function PersonFields({
  index,
  person,
  errors,
  canRemove,
  onChange,
  onRemove,
}: {
  index: number;
  person: PersonDraft;
  errors: Record<string, string | undefined>;
  canRemove: boolean;
  onChange: (person: PersonDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const number = index + 1;
  const id = (field: PersonField) => personFieldId(index, field);
  const set = (patch: Partial<PersonDraft>) => onChange({ ...person, ...patch });
  const bsnHint = person.bsn.trim() && !passesElfproef(person.bsn) ? t('newReport.bsnHint') : undefined;
  return (
    <fieldset className="utrecht-form-fieldset--html-fieldset kring-person">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
        {t('newReport.person', { number })}
      </legend>
      <TextField
        id={id('fullName')}
        label={t('newReport.personField.fullName')}
        error={errors[id('fullName')]}
        type="text"
        autoComplete="off"
        maxLength={200}
        value={person.fullName}
        onChange={(event) => set({ fullName: event.target.value })}
      />
      <TextField
        id={id('dateOfBirth')}
        label={t('newReport.personField.dateOfBirth')}
        error={errors[id('dateOfBirth')]}
        type="date"
        min={EARLIEST_BIRTH}
        max={todayInAmsterdam()}
        value={person.dateOfBirth}
        onChange={(event) => set({ dateOfBirth: event.target.value })}
        className="kring-input-date"
      />
      <TextField
        id={id('bsn')}
        label={t('newReport.personField.bsn')}
        required={false}
        description={t('newReport.bsnDescription')}
        hint={bsnHint}
        error={errors[id('bsn')]}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={person.bsn}
        onChange={(event) => set({ bsn: event.target.value })}
        className="kring-input-bsn"
      />
      <SelectField
        id={id('role')}
        label={t('newReport.personField.role')}
        placeholder={t('newReport.rolePlaceholder')}
        error={errors[id('role')]}
        value={person.role}
        onChange={(event) => set({ role: event.target.value as PersonRole | '' })}
        options={PERSON_ROLES.map((role) => ({ value: role, label: codeLabel(t, 'personRole', role) }))}
      />
      {canRemove ? (
        <Button type="button" appearance="subtle" onClick={onRemove}>
          {t('newReport.removePerson', { number })}
        </Button>
      ) : null}
    </fieldset>
  );
}
