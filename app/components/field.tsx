import { useTranslation } from "react-i18next";
import type { FieldError } from "~/utils/forms";

interface FieldFrameProps {
  fieldId: string;
  label: string;
  /** For a control whose column header or heading already says what it is: the label is for screen readers. */
  hideLabel?: boolean;
  required?: boolean;
  error?: FieldError;
  hint?: string;
  children: React.ReactNode;
}

/** The label, hint and error around a form control; `controlAttributes` points the control at their ids. */
function FieldFrame({ fieldId, label, hideLabel, required, error, hint, children }: FieldFrameProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={fieldId} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field__error" id={`${fieldId}-error`}>
          {t(error.key, error.values)}
        </p>
      ) : null}
    </div>
  );
}

/** What a control needs so that screen readers announce its hint and its error (aria-describedby / aria-invalid). */
function controlAttributes(fieldId: string, name: string, hint?: string, error?: FieldError) {
  return {
    id: fieldId,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(" ") || undefined,
  };
}

interface FieldProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "name"> {
  name: string;
  label: string;
  error?: FieldError;
  hint?: string;
  multiline?: boolean;
}

/** A labelled input (or textarea) with its hint and error. */
export function Field({ name, label, error, hint, multiline, id, ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`;
  const common = controlAttributes(fieldId, name, hint, error);
  return (
    <FieldFrame fieldId={fieldId} label={label} required={input.required} error={error} hint={hint}>
      {multiline ? (
        <textarea
          {...common}
          rows={4}
          defaultValue={input.defaultValue as string | undefined}
          required={input.required}
          maxLength={input.maxLength}
          dir="auto"
        />
      ) : (
        <input dir="auto" {...input} {...common} />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps extends Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name"> {
  name: string;
  label: string;
  hideLabel?: boolean;
  error?: FieldError;
  hint?: string;
  /** The `<option>`s. */
  children: React.ReactNode;
}

/** A labelled drop-down list with its hint and error. */
export function SelectField({ name, label, hideLabel, error, hint, id, children, ...select }: SelectFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldFrame fieldId={fieldId} label={label} hideLabel={hideLabel} required={select.required} error={error} hint={hint}>
      <select {...select} {...controlAttributes(fieldId, name, hint, error)}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** Shown at the top of a form that came back with errors, so keyboard and screen-reader users learn it first. */
export function FormErrorSummary({ errors }: { errors?: Record<string, FieldError> }) {
  const { t } = useTranslation();
  if (!errors || Object.keys(errors).length === 0) return null;
  const formLevel = errors.form;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1}>
      {formLevel ? t(formLevel.key, formLevel.values) : t("errors:formHasErrors")}
    </div>
  );
}

export function valueOf(values: Record<string, string | string[]> | undefined, name: string): string | undefined {
  const value = values?.[name];
  return Array.isArray(value) ? value[0] : value;
}
