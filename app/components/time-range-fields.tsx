import { Field } from "~/components/field";
import type { FieldErrors } from "~/utils/forms";

interface TimeRangeFieldsProps {
  labels: { startsAt: string; endsAt: string };
  /** Says in which zone the times are read, under both fields. */
  hint: string;
  values: { startsAt?: string; endsAt?: string };
  errors?: FieldErrors;
  /** Keeps the ids apart when a page has several of these forms. */
  idPrefix?: string;
  /** The earliest and latest allowed times, as datetime-local values. */
  limits?: { min: string; max: string };
}

/** A start and an end side by side, the pair that `checkRange` validates on the server. */
export function TimeRangeFields({ labels, hint, values, errors, idPrefix, limits }: TimeRangeFieldsProps) {
  return (
    <div className="form-row">
      {(["startsAt", "endsAt"] as const).map((name) => (
        <Field
          key={name}
          id={idPrefix ? `${idPrefix}-${name}` : undefined}
          name={name}
          type="datetime-local"
          label={labels[name]}
          hint={hint}
          required
          min={limits?.min}
          max={limits?.max}
          defaultValue={values[name]}
          error={errors?.[name]}
        />
      ))}
    </div>
  );
}
