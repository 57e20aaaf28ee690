import type { ReactNode } from 'react';
import { classNames } from './class-names.ts';
import { FieldError } from './form-field.tsx';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface GroupProps<V extends string> {
  /** Base id: the group's inputs get `${id}-${value}`; the first one is the target of error links. */
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  choices: Choice<V>[];
}

/** The id an error summary links to for a group: its first input. */
export function firstChoiceId(id: string, choices: readonly { value: string }[]): string {
  return `${id}-${choices[0]?.value ?? ''}`;
}

function GroupShell({
  id,
  legend,
  description,
  error,
  children,
}: Omit<GroupProps<string>, 'choices'> & { children: ReactNode }) {
  const describedBy =
    [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div
      className={classNames(
        'utrecht-form-fieldset kring-fieldset',
        error && 'utrecht-form-fieldset--invalid utrecht-form-field--invalid',
      )}
    >
      <fieldset
        id={id}
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend kring-legend">
          {legend}
        </legend>
        {description ? (
          <div id={`${id}-description`} className="utrecht-form-field-description">
            {description}
          </div>
        ) : null}
        {error ? <FieldError id={`${id}-error`} message={error} /> : null}
        {children}
      </fieldset>
    </div>
  );
}

export function CheckboxGroup<V extends string>({
  id,
  legend,
  description,
  error,
  choices,
  values,
  onChange,
}: GroupProps<V> & { values: readonly V[]; onChange: (values: V[]) => void }) {
  return (
    <GroupShell id={id} legend={legend} description={description} error={error}>
      {choices.map((choice) => {
        const inputId = `${id}-${choice.value}`;
        const checked = values.includes(choice.value);
        return (
          <div key={choice.value} className="utrecht-form-field utrecht-form-field--checkbox kring-choice">
            <div className="utrecht-form-field__input">
              <input
                id={inputId}
                type="checkbox"
                name={id}
                value={choice.value}
                checked={checked}
                aria-invalid={error ? true : undefined}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...values, choice.value]
                      : values.filter((value) => value !== choice.value),
                  )
                }
                className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label htmlFor={inputId} className="utrecht-form-label utrecht-form-label--checkbox">
                {choice.label}
              </label>
            </div>
          </div>
        );
      })}
    </GroupShell>
  );
}

export function RadioGroup<V extends string>({
  id,
  legend,
  description,
  error,
  choices,
  value,
  onChange,
}: GroupProps<V> & { value: V | null; onChange: (value: V) => void }) {
  return (
    <GroupShell id={id} legend={legend} description={description} error={error}>
      {choices.map((choice) => {
        const inputId = `${id}-${choice.value}`;
        return (
          <div key={choice.value} className="utrecht-form-field utrecht-form-field--radio kring-choice">
            <div className="utrecht-form-field__input">
              <input
                id={inputId}
                type="radio"
                name={id}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                className="utrecht-radio-button utrecht-radio-button--html-input"
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <label htmlFor={inputId} className="utrecht-form-label utrecht-form-label--radio">
                {choice.label}
              </label>
            </div>
          </div>
        );
      })}
    </GroupShell>
  );
}
