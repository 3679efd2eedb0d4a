import { useTranslation } from "react-i18next";
import { Field, SelectField, valueOf } from "~/components/field";
import { MEETING_STATUSES } from "~/committee/forms";
import { LANGUAGES } from "~/i18n/config";
import type { FieldErrors } from "~/utils/forms";

interface MeetingFieldsProps {
  idPrefix: string;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  timeZone: string;
  /** Editing an existing meeting also sets whether it was held. */
  withStatus?: boolean;
}

/** The fields of a committee meeting, for its creation and its edition. */
export function MeetingFields({ idPrefix, values, errors, timeZone, withStatus }: MeetingFieldsProps) {
  const { t } = useTranslation(["committee", "common"]);
  const languages = values.languages === undefined ? [] : Array.isArray(values.languages) ? values.languages : [values.languages];
  const languagesError = errors?.languages;
  const languagesErrorId = `${idPrefix}-languages-error`;
  return (
    <>
      <Field id={`${idPrefix}-title`} name="title" label={t("fields.title")} required maxLength={200} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <div className="form-row">
        <Field
          id={`${idPrefix}-scheduledAt`}
          name="scheduledAt"
          type="datetime-local"
          label={t("fields.scheduledAt")}
          hint={t("fields.scheduledAtHint", { zone: timeZone })}
          required
          defaultValue={valueOf(values, "scheduledAt")}
          error={errors?.scheduledAt}
        />
        <Field id={`${idPrefix}-location`} name="location" label={t("fields.location")} maxLength={200} defaultValue={valueOf(values, "location")} error={errors?.location} />
      </div>
      <fieldset className={languagesError ? "field--invalid" : undefined} aria-describedby={languagesError ? languagesErrorId : `${idPrefix}-languages-hint`}>
        <legend>
          {t("fields.languages")}
          <span aria-hidden="true"> *</span>
        </legend>
        <p className="field__hint" id={`${idPrefix}-languages-hint`}>
          {t("fields.languagesHint")}
        </p>
        {languagesError ? (
          <p className="field__error" id={languagesErrorId}>
            {t(languagesError.key, languagesError.values)}
          </p>
        ) : null}
        {LANGUAGES.map((language) => (
          <label key={language} className="choice">
            <input type="checkbox" name="languages" value={language} defaultChecked={languages.includes(language)} />
            <span lang={language}>{t(`common:language.${language}`)}</span>
          </label>
        ))}
      </fieldset>
      {withStatus ? (
        <SelectField id={`${idPrefix}-status`} name="status" label={t("fields.status")} defaultValue={valueOf(values, "status")} error={errors?.status}>
          {MEETING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`meetingStatus.${status}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}
