import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { classNames } from './class-names.ts';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  description?: ReactNode | undefined;
  /** Shown under the label and announced with the field. */
  error?: string | undefined;
  /** A non-blocking remark (for example a client-side check the server makes authoritative). */
  hint?: string | undefined;
  required?: boolean | undefined;
}

/** Ids the input must carry so its description and error are read with it. */
export function describedBy(id: string, parts: { description?: unknown; error?: unknown; hint?: unknown }) {
  const ids = [
    parts.description ? `${id}-description` : null,
    parts.hint ? `${id}-hint` : null,
    parts.error ? `${id}-error` : null,
  ].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="utrecht-form-field-error-message kring-field-error">
      <span className="kring-visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}

function FieldShell({
  id,
  label,
  description,
  error,
  hint,
  required,
  children,
}: FieldShellProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div
      className={classNames(
        'utrecht-form-field utrecht-form-field--text kring-field',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {required === false ? <span className="kring-optional"> {t('common.optional')}</span> : null}
        </label>
      </div>
      {description ? (
        <div
          id={`${id}-description`}
          className="utrecht-form-field__description utrecht-form-field-description"
        >
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message">
          <FieldError id={`${id}-error`} message={error} />
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
      {hint ? (
        <p
          id={`${id}-hint`}
          className="utrecht-form-field-description utrecht-form-field-description--warning kring-hint"
        >
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type Shell = Omit<FieldShellProps, 'required'> & {
  /** Marks the field optional in its label when false; required fields are the norm. */
  required?: boolean;
};

export function TextField({
  id,
  label,
  description,
  error,
  hint,
  required = true,
  className,
  ...input
}: Shell & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} hint={hint} required={required}>
      <input
        id={id}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { description, error, hint })}
        className={classNames(
          'utrecht-textbox utrecht-textbox--html-input',
          error && 'utrecht-textbox--invalid',
          className,
        )}
        {...input}
      />
    </FieldShell>
  );
}

/**
 * A file input. It carries the native `required` (the form has noValidate), as aria-required is not
 * allowed on a file input; the chosen file is read through onChange.
 */
export function FileField({
  id,
  label,
  description,
  error,
  hint,
  required = true,
  className,
  ...input
}: Shell & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required' | 'type' | 'value'>) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} hint={hint} required={required}>
      <input
        id={id}
        type="file"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { description, error, hint })}
        className={classNames('kring-file-input', error && 'kring-file-input--invalid', className)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextareaField({
  id,
  label,
  description,
  error,
  hint,
  required = true,
  className,
  ...textarea
}: Shell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'required'>) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} hint={hint} required={required}>
      <textarea
        id={id}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { description, error, hint })}
        className={classNames(
          'utrecht-textarea utrecht-textarea--html-textarea',
          error && 'utrecht-textarea--invalid',
          className,
        )}
        {...textarea}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  description,
  error,
  hint,
  required = true,
  options,
  placeholder,
  className,
  ...select
}: Shell & {
  options: SelectOption[];
  /** A first, empty choice such as "Kies een gemeente". */
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'required'>) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} hint={hint} required={required}>
      <select
        id={id}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { description, error, hint })}
        className={classNames(
          'utrecht-select utrecht-select--html-select',
          error && 'utrecht-select--invalid',
          className,
        )}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
