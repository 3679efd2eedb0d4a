import { useTranslation } from "react-i18next";
import { Field, SelectField } from "~/components/field";
import { MISSION_MAX, NAME_MAX, WEBSITE_MAX } from "~/institutions/forms";
import type { FieldError } from "~/utils/forms";

export interface InstitutionFormValues {
  name: string;
  country: string;
  mission: string;
  website: string;
  contactName: string;
  contactEmail: string;
}

export const EMPTY_INSTITUTION: InstitutionFormValues = { name: "", country: "MA", mission: "", website: "", contactName: "", contactEmail: "" };

/** The same values whether they come from the database or from a form sent back with errors. */
export function institutionValuesFromSubmission(values: Record<string, string | string[]>): InstitutionFormValues {
  const one = (name: keyof InstitutionFormValues) => {
    const value = values[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  return {
    name: one("name"),
    country: one("country"),
    mission: one("mission"),
    website: one("website"),
    contactName: one("contactName"),
    contactEmail: one("contactEmail"),
  };
}

interface InstitutionFieldsProps {
  values: InstitutionFormValues;
  errors?: Record<string, FieldError>;
  /** Every country with its name in the reader's language, sorted by it (named on the server, so both renders agree). */
  countries: Array<{ code: string; name: string }>;
}

/** The profile fields, shared by registering an institution and editing its profile. */
export function InstitutionFields({ values, errors, countries }: InstitutionFieldsProps) {
  const { t } = useTranslation("institutions");
  return (
    <>
      <Field name="name" label={t("form.name")} required maxLength={NAME_MAX} defaultValue={values.name} error={errors?.name} autoComplete="organization" />
      <SelectField name="country" label={t("form.country")} required defaultValue={values.country} error={errors?.country}>
        <option value="">{t("form.chooseCountry")}</option>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </SelectField>
      <Field name="mission" label={t("form.mission")} hint={t("form.missionHint")} multiline maxLength={MISSION_MAX} defaultValue={values.mission} error={errors?.mission} />
      <Field
        name="website"
        type="url"
        label={t("form.website")}
        hint={t("form.websiteHint")}
        maxLength={WEBSITE_MAX}
        defaultValue={values.website}
        error={errors?.website}
        dir="ltr"
        autoComplete="url"
      />
      <fieldset className="stack">
        <legend>{t("profile.contact")}</legend>
        <p className="field__hint">{t("form.contactHint")}</p>
        <Field name="contactName" label={t("form.contactName")} maxLength={NAME_MAX} defaultValue={values.contactName} error={errors?.contactName} />
        <Field
          name="contactEmail"
          type="email"
          label={t("form.contactEmail")}
          defaultValue={values.contactEmail}
          error={errors?.contactEmail}
          dir="ltr"
          autoComplete="email"
        />
      </fieldset>
    </>
  );
}
