import { useTranslation } from "react-i18next";
import type { FieldError } from "~/utils/forms";

interface FieldProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "name"> {
  name: string;
  label: string;
  error?: FieldError;
  hint?: string;
  multiline?: boolean;
}

/** A labelled input whose error and hint are announced by screen readers (aria-describedby / aria-invalid). */
export function Field({ name, label, error, hint, multiline, id, ...input }: FieldProps) {
  const { t } = useTranslation();
  const fieldId = id ?? `field-${name}`;
  const describedBy = [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id: fieldId,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={fieldId}>
        {label}
        {input.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
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
      {error ? (
        <p className="field__error" id={`${fieldId}-error`}>
          {t(error.key, error.values)}
        </p>
      ) : null}
    </div>
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
