import { useTranslation } from "react-i18next";
import { Field, SelectField, valueOf } from "~/components/field";
import { LANGUAGES } from "~/i18n/config";
import { FIGURE_LABEL_MAX, FIGURE_VALUE_MAX, FIGURES_MAX, RESOURCE_TITLE_MAX, RESOURCES_MAX, URL_MAX } from "~/practices/fields";
import { BLANK_ROWS, CONTACT_NAME_MAX, LONG_TEXT_MAX, TITLE_MAX, VISIBILITIES } from "~/practices/forms";
import { PRACTICE_THEMES } from "~/practices/themes";
import type { FieldError, FieldErrors } from "~/utils/forms";

interface PracticeFieldsProps {
  /** What the fields show: the saved practice, the institution's defaults, or what was sent back with errors. */
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  countries: Array<{ code: string; name: string }>;
}

const all = (values: Record<string, string | string[]>, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
};

/** The fields of a practice, for the creation and the edit forms. */
export function PracticeFields({ values, errors, countries }: PracticeFieldsProps) {
  const { t } = useTranslation(["practices", "common"]);
  const value = (name: string) => valueOf(values, name);
  return (
    <>
      <Field id="practice-title" name="title" label={t("fields.title")} required maxLength={TITLE_MAX} defaultValue={value("title")} error={errors?.title} />
      <Field
        id="practice-problem"
        name="problem"
        label={t("fields.problem")}
        hint={t("fields.problemHint")}
        required
        multiline
        maxLength={LONG_TEXT_MAX}
        defaultValue={value("problem")}
        error={errors?.problem}
      />
      <Field
        id="practice-approach"
        name="approach"
        label={t("fields.approach")}
        hint={t("fields.approachHint")}
        required
        multiline
        maxLength={LONG_TEXT_MAX}
        defaultValue={value("approach")}
        error={errors?.approach}
      />
      <Field
        id="practice-results"
        name="results"
        label={t("fields.results")}
        hint={t("fields.resultsHint")}
        multiline
        maxLength={LONG_TEXT_MAX}
        defaultValue={value("results")}
        error={errors?.results}
      />
      <RepeatedRows
        name="figures"
        legend={t("fields.figures")}
        hint={t("fields.figuresHint", { max: FIGURES_MAX })}
        error={errors?.figures}
        errors={errors}
        columns={[
          { key: "label", field: "figureLabel[]", label: (row) => t("fields.figureLabel", { row }), maxLength: FIGURE_LABEL_MAX, values: all(values, "figureLabel[]") },
          { key: "value", field: "figureValue[]", label: (row) => t("fields.figureValue", { row }), maxLength: FIGURE_VALUE_MAX, values: all(values, "figureValue[]") },
        ]}
        max={FIGURES_MAX}
      />
      <RepeatedRows
        name="resources"
        legend={t("fields.resources")}
        hint={t("fields.resourcesHint", { max: RESOURCES_MAX })}
        error={errors?.resources}
        errors={errors}
        columns={[
          { key: "title", field: "resourceTitle[]", label: (row) => t("fields.resourceTitle", { row }), maxLength: RESOURCE_TITLE_MAX, values: all(values, "resourceTitle[]") },
          { key: "url", field: "resourceUrl[]", label: (row) => t("fields.resourceUrl", { row }), maxLength: URL_MAX, values: all(values, "resourceUrl[]"), type: "url" },
        ]}
        max={RESOURCES_MAX}
      />
      <fieldset className="stack">
        <legend>{t("fields.contact")}</legend>
        <p className="field__hint">{t("fields.contactHint")}</p>
        <div className="form-row">
          <Field id="practice-contactName" name="contactName" label={t("fields.contactName")} maxLength={CONTACT_NAME_MAX} defaultValue={value("contactName")} error={errors?.contactName} />
          <Field
            id="practice-contactEmail"
            name="contactEmail"
            type="email"
            dir="ltr"
            label={t("fields.contactEmail")}
            maxLength={254}
            defaultValue={value("contactEmail")}
            error={errors?.contactEmail}
          />
        </div>
      </fieldset>
      <SelectField id="practice-country" name="country" label={t("fields.country")} required defaultValue={value("country")} error={errors?.country}>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </SelectField>
      <Checkboxes
        name="themes"
        legend={t("fields.themes")}
        checked={all(values, "themes")}
        error={errors?.themes}
        options={PRACTICE_THEMES.map((theme) => ({ value: theme, label: t(`themes.${theme}`) }))}
      />
      <Checkboxes
        name="languages"
        legend={t("fields.languages")}
        checked={all(values, "languages")}
        error={errors?.languages}
        options={LANGUAGES.map((language) => ({ value: language, label: t(`common:language.${language}`), lang: language }))}
      />
      <fieldset className={errors?.visibility ? "field--invalid stack" : "stack"} aria-describedby="practice-visibility-hint">
        <legend>
          {t("fields.visibility")}
          <span aria-hidden="true"> *</span>
        </legend>
        <p className="field__hint" id="practice-visibility-hint">
          {t("fields.visibilityModeration")}
        </p>
        {errors?.visibility ? <p className="field__error">{t(errors.visibility.key, errors.visibility.values)}</p> : null}
        {VISIBILITIES.map((visibility) => (
          <label key={visibility} className="choice choice--card">
            <input type="radio" name="visibility" value={visibility} defaultChecked={(value("visibility") ?? "INSTITUTION") === visibility} />
            <span>
              <strong>{t(`visibilities.${visibility}`)}</strong>
              <span className="choice__detail"> — {t(`visibilityHints.${visibility}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}

interface Column {
  key: string;
  field: string;
  label: (row: number) => string;
  maxLength: number;
  values: string[];
  type?: string;
}

/**
 * Rows of two fields that repeat (figures, links): the filled ones, then a few blank ones. Without JavaScript, saving
 * brings more blank rows.
 */
function RepeatedRows(props: { name: string; legend: string; hint: string; error?: FieldError; errors?: FieldErrors; columns: Column[]; max: number }) {
  const { t } = useTranslation("practices");
  const { name, legend, hint, error, errors, columns, max } = props;
  // Up to the last row with something in it: the blank rows sent back with a refused form are not counted twice.
  const longest = Math.max(...columns.map((column) => column.values.length));
  let filled = longest;
  while (filled > 0 && columns.every((column) => (column.values[filled - 1] ?? "").trim() === "")) filled -= 1;
  const rows = Math.min(filled + BLANK_ROWS, Math.max(max, filled));
  return (
    <fieldset className={`stack practice-rows${error ? " field--invalid" : ""}`} aria-describedby={`${name}-hint${error ? ` ${name}-error` : ""}`}>
      <legend>{legend}</legend>
      <p className="field__hint" id={`${name}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {t(error.key, error.values)}
        </p>
      ) : null}
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="practice-rows__row">
          {columns.map((column) => (
            <Field
              key={column.key}
              id={`${name}-${row}-${column.key}`}
              name={column.field}
              type={column.type}
              label={column.label(row + 1)}
              maxLength={column.maxLength}
              defaultValue={column.values[row] ?? ""}
              error={errors?.[`${name}.${row}.${column.key}`]}
            />
          ))}
        </div>
      ))}
      <p className="field__hint">{t("fields.moreRows")}</p>
    </fieldset>
  );
}

function Checkboxes(props: { name: string; legend: string; checked: string[]; error?: FieldError; options: Array<{ value: string; label: string; lang?: string }> }) {
  const { t } = useTranslation();
  const { name, legend, checked, error, options } = props;
  const errorId = `practice-${name}-error`;
  return (
    <fieldset className={error ? "field--invalid practice-choices" : "practice-choices"} aria-describedby={error ? errorId : undefined}>
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
          <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
          <span lang={option.lang}>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
