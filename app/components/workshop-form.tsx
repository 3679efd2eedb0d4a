import { useTranslation } from "react-i18next";
import { Field, SelectField } from "~/components/field";
import { TimeRangeFields } from "~/components/time-range-fields";
import { LANGUAGES } from "~/i18n/config";
import type { FieldError } from "~/utils/forms";

/** The zones of the venues Majlis serves first (Morocco, the diaspora's countries, peer institutions), then UTC. */
export const TIMEZONE_CHOICES = [
  "Africa/Casablanca",
  "Europe/Paris",
  "Europe/Brussels",
  "Europe/Madrid",
  "Europe/Rome",
  "Europe/Amsterdam",
  "Europe/Berlin",
  "Europe/London",
  "America/Montreal",
  "America/New_York",
  "Africa/Tunis",
  "Africa/Algiers",
  "Africa/Cairo",
  "Asia/Dubai",
  "UTC",
] as const;

const FORMATS = ["IN_PERSON", "ONLINE", "HYBRID"] as const;

export interface WorkshopFormValues {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: string;
  format: string;
  languages: string[];
}

/** The same values whether they come from the database or from a form sent back with errors. */
export function workshopFormValuesFromSubmission(values: Record<string, string | string[]>): WorkshopFormValues {
  const one = (name: string) => {
    const value = values[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const languages = values.languages;
  return {
    title: one("title"),
    description: one("description"),
    startsAt: one("startsAt"),
    endsAt: one("endsAt"),
    timezone: one("timezone"),
    venue: one("venue"),
    format: one("format"),
    languages: Array.isArray(languages) ? languages : languages ? [languages] : [],
  };
}

interface WorkshopFormFieldsProps {
  values: WorkshopFormValues;
  errors?: Record<string, FieldError>;
}

/** The fields of a workshop, shared by the creation and the edition forms. */
export function WorkshopFormFields({ values, errors }: WorkshopFormFieldsProps) {
  const { t } = useTranslation(["workshop", "common"]);
  const zones: string[] = [...TIMEZONE_CHOICES];
  if (values.timezone && !zones.includes(values.timezone)) zones.push(values.timezone);
  return (
    <>
      <Field name="title" label={t("form.title")} required maxLength={200} defaultValue={values.title} error={errors?.title} />
      <Field
        name="description"
        label={t("form.description")}
        hint={t("form.descriptionHint")}
        multiline
        maxLength={5000}
        defaultValue={values.description}
        error={errors?.description}
      />
      <TimeRangeFields
        labels={{ startsAt: t("form.startsAt"), endsAt: t("form.endsAt") }}
        hint={t("form.timesHint")}
        values={values}
        errors={errors}
      />
      <SelectField
        name="timezone"
        label={t("form.timezone")}
        hint={t("form.timezoneHint")}
        required
        defaultValue={values.timezone || TIMEZONE_CHOICES[0]}
        error={errors?.timezone}
        dir="ltr"
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <Field name="venue" label={t("form.venue")} hint={t("form.venueHint")} maxLength={200} defaultValue={values.venue} error={errors?.venue} />
      <ChoiceGroup
        name="format"
        type="radio"
        legend={t("form.format")}
        options={FORMATS.map((format) => ({ value: format, label: t(`format.${format}`) }))}
        checked={[values.format || "HYBRID"]}
        error={errors?.format}
      />
      <ChoiceGroup
        name="languages"
        type="checkbox"
        legend={t("form.languages")}
        options={LANGUAGES.map((language) => ({ value: language, label: t(`common:language.${language}`), lang: language }))}
        checked={values.languages}
        error={errors?.languages}
      />
    </>
  );
}

interface ChoiceGroupProps {
  name: string;
  type: "radio" | "checkbox";
  legend: string;
  options: Array<{ value: string; label: string; lang?: string }>;
  checked: string[];
  error?: FieldError;
}

/** Radio buttons or checkboxes under one legend; the group's error is announced with the legend. */
function ChoiceGroup({ name, type, legend, options, checked, error }: ChoiceGroupProps) {
  const { t } = useTranslation();
  const errorId = `field-${name}-error`;
  return (
    <fieldset className={error ? "field--invalid" : undefined} aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        <span aria-hidden="true"> *</span>
      </legend>
      {error ? (
        <p className="field__error" id={errorId}>
          {t(error.key, error.values)}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type={type} name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
          <span lang={option.lang}>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
