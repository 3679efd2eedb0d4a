import { useTranslation } from "react-i18next";
import { Field, SelectField, valueOf } from "~/components/field";
import { LANGUAGES } from "~/i18n/config";
import { COST_BANDS, INSTITUTION_MAX, LONG_TEXT_MAX, PRIORITIES, THEMES, TIMEFRAMES, TITLE_MAX, VISIBILITIES } from "~/recommendations/forms";
import type { FieldErrors } from "~/utils/forms";

interface RecommendationFieldsProps {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string;
  /** What the fields show: the saved values, a prefill, or what was sent back with errors. */
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  /** The sessions this person may write for; `plenary` adds the plenary choice. */
  sessions: Array<{ id: string; title: string }>;
  plenary: boolean;
  showVisibility: boolean;
}

/** The fields of a recommendation, for the creation and the edit forms. */
export function RecommendationFields({ idPrefix, values, errors, sessions, plenary, showVisibility }: RecommendationFieldsProps) {
  const { t } = useTranslation(["recommendations", "common"]);
  const value = (name: string) => valueOf(values, name);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <Field id={id("title")} name="title" label={t("fields.title")} required maxLength={TITLE_MAX} defaultValue={value("title")} error={errors?.title} />
      <Field id={id("problem")} name="problem" label={t("fields.problem")} required multiline maxLength={LONG_TEXT_MAX} defaultValue={value("problem")} error={errors?.problem} />
      <Field id={id("rationale")} name="rationale" label={t("fields.rationale")} multiline maxLength={LONG_TEXT_MAX} defaultValue={value("rationale")} error={errors?.rationale} />
      <Field
        id={id("proposedAction")}
        name="proposedAction"
        label={t("fields.proposedAction")}
        required
        multiline
        maxLength={LONG_TEXT_MAX}
        defaultValue={value("proposedAction")}
        error={errors?.proposedAction}
      />
      <div className="recommendation-form__grid">
        <SelectField id={id("sessionId")} name="sessionId" label={t("fields.session")} defaultValue={value("sessionId") ?? ""} error={errors?.sessionId}>
          {plenary ? <option value="">{t("plenary")}</option> : null}
          {sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {session.title}
            </option>
          ))}
        </SelectField>
        <SelectField id={id("theme")} name="theme" label={t("fields.theme")} defaultValue={value("theme") ?? THEMES[0]} error={errors?.theme}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`themes.${theme}`)}
            </option>
          ))}
        </SelectField>
        <Field
          id={id("ownerInstitution")}
          name="ownerInstitution"
          label={t("fields.ownerInstitution")}
          hint={t("fields.ownerInstitutionHint")}
          maxLength={INSTITUTION_MAX}
          defaultValue={value("ownerInstitution")}
          error={errors?.ownerInstitution}
        />
        <SelectField id={id("priority")} name="priority" label={t("fields.priority")} defaultValue={value("priority") ?? "MEDIUM"} error={errors?.priority}>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priorities.${priority}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={id("costBand")} name="costBand" label={t("fields.costBand")} defaultValue={value("costBand") ?? "UNKNOWN"} error={errors?.costBand}>
          {COST_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`costBands.${band}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={id("timeframe")} name="timeframe" label={t("fields.timeframe")} defaultValue={value("timeframe") ?? "MEDIUM"} error={errors?.timeframe}>
          {TIMEFRAMES.map((timeframe) => (
            <option key={timeframe} value={timeframe}>
              {t(`timeframes.${timeframe}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={id("language")} name="language" label={t("fields.language")} defaultValue={value("language") ?? "fr"} error={errors?.language}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`common:language.${language}`)}
            </option>
          ))}
        </SelectField>
        {showVisibility ? (
          <SelectField
            id={id("visibility")}
            name="visibility"
            label={t("fields.visibility")}
            hint={t("fields.visibilityHint")}
            defaultValue={value("visibility") ?? "INSTITUTION"}
            error={errors?.visibility}
          >
            {VISIBILITIES.map((visibility) => (
              <option key={visibility} value={visibility}>
                {t(`visibilities.${visibility}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
    </>
  );
}
