import { useTranslation } from "react-i18next";
import { Field, FormErrorSummary } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import type { FieldErrors } from "~/utils/forms";

interface SettingsFormProps {
  supportsPerPerson: number;
  sessions: Array<{ id: string; title: string; participantsMayRecommend: boolean }>;
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
}

/** Organisers choose how many recommendations each participant supports, and where participants write their own. */
export function RecommendationSettingsForm({ supportsPerPerson, sessions, errors, values }: SettingsFormProps) {
  const { t } = useTranslation("recommendations");
  const sent = values?.openSessionIds;
  const open = new Set(sent === undefined ? sessions.filter((session) => session.participantsMayRecommend).map((session) => session.id) : Array.isArray(sent) ? sent : [sent]);
  return (
    <details className="editor-details card" open={errors ? true : undefined}>
      <summary>{t("settings.open")}</summary>
      <IntentForm intent="settings" noValidate className="stack">
        <FormErrorSummary errors={errors} />
        <Field
          id="settings-supports"
          name="supportsPerPerson"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          step={1}
          dir="ltr"
          label={t("settings.supportsPerPerson")}
          hint={t("settings.supportsHint")}
          defaultValue={typeof values?.supportsPerPerson === "string" ? values.supportsPerPerson : String(supportsPerPerson)}
          error={errors?.supportsPerPerson}
          required
        />
        <fieldset>
          <legend>{t("settings.openSessions")}</legend>
          {sessions.map((session) => (
            <label key={session.id} className="checkbox">
              <input type="checkbox" name="openSessionIds" value={session.id} defaultChecked={open.has(session.id)} />
              <span dir="auto">{session.title}</span>
            </label>
          ))}
        </fieldset>
        <SubmitButton className="button button--primary">{t("settings.submit")}</SubmitButton>
      </IntentForm>
    </details>
  );
}
