import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import { VISIBILITIES } from "~/peers/visibility";
import { TEMPLATE_DESCRIPTION_MAX, TEMPLATE_TITLE_MAX } from "~/templates/forms";
import type { FieldError } from "~/utils/forms";

interface TemplateFormFieldsProps {
  values: { title: string; description: string; visibility: string };
  errors?: Record<string, FieldError>;
}

/** A workshop template's title, description and who may see it, for saving one and for changing it. */
export function TemplateFormFields({ values, errors }: TemplateFormFieldsProps) {
  const { t } = useTranslation("templates");
  const errorId = "field-visibility-error";
  return (
    <>
      <Field name="title" label={t("save.templateTitle")} required maxLength={TEMPLATE_TITLE_MAX} defaultValue={values.title} error={errors?.title} />
      <Field
        name="description"
        label={t("save.description")}
        hint={t("save.descriptionHint")}
        multiline
        maxLength={TEMPLATE_DESCRIPTION_MAX}
        defaultValue={values.description}
        error={errors?.description}
      />
      <fieldset className={errors?.visibility ? "field--invalid" : undefined} aria-describedby={errors?.visibility ? errorId : undefined}>
        <legend>
          {t("visibility.label")}
          <span aria-hidden="true"> *</span>
        </legend>
        {errors?.visibility ? (
          <p className="field__error" id={errorId}>
            {t(errors.visibility.key, errors.visibility.values)}
          </p>
        ) : null}
        <div className="choice-group">
          {VISIBILITIES.map((visibility) => (
            <label key={visibility} className="choice choice--card">
              <input
                type="radio"
                name="visibility"
                value={visibility}
                defaultChecked={values.visibility === visibility}
                aria-describedby={`visibility-hint-${visibility}`}
              />
              <span>
                {t(`visibility.${visibility}`)}
                <span className="choice__detail" id={`visibility-hint-${visibility}`}>
                  {t(`visibility.hint.${visibility}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
