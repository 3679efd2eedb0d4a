import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field, SelectField } from "~/components/field";
import { isChoiceKind, optionLines, pollOptionsProblem, POLL_KINDS, POLL_LIMITS, type PollKind, type PollView } from "~/live/polls";
import type { LiveRoom } from "~/live/use-live-room";
import type { FieldError } from "~/utils/forms";

const SCALES = Array.from({ length: POLL_LIMITS.scaleMax - POLL_LIMITS.scaleMin + 1 }, (_, i) => POLL_LIMITS.scaleMin + i);

/**
 * A facilitator writes a poll during the session and opens it at once, or keeps it ready for later. The fields keep
 * what was typed until the server confirmed the poll (nothing is lost to a dropped connection).
 */
export function PollCreateForm({ live, onCreated }: { live: LiveRoom; onCreated(poll: PollView): void }) {
  const { t } = useTranslation("polls");
  const [kind, setKind] = useState<PollKind>("SINGLE");
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const openNow = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "open";
    const question = String(data.get("question") ?? "").trim();
    const options = optionLines(String(data.get("options") ?? ""));
    const problem = pollOptionsProblem(kind, options);
    const found: Record<string, FieldError> = {};
    if (!question) found.question = { key: "errors:required" };
    if (problem) found.options = { key: `polls:errors.${problem}` };
    setErrors(found);
    setDone(null);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    const reply = await live.request<{ poll: PollView }>("poll:create", {
      question,
      kind,
      options: isChoiceKind(kind) ? options : [],
      scaleMax: kind === "RATING" ? Number(data.get("scaleMax")) : undefined,
      anonymous: data.get("anonymous") === "on",
      openNow,
    });
    setSending(false);
    if (!reply.ok) return setFailure(t(`live:errors.${reply.error}`));
    onCreated(reply.data.poll);
    form.reset();
    setKind("SINGLE");
    setDone(openNow ? t("create.opened") : t("create.saved"));
  }

  return (
    <form className="poll-create" onSubmit={submit} noValidate>
      <Field id="live-poll-question" name="question" label={t("fields.question")} required maxLength={POLL_LIMITS.questionMax} error={errors.question} />
      <SelectField id="live-poll-kind" name="kind" label={t("fields.kind")} value={kind} onChange={(event) => setKind(event.target.value as PollKind)}>
        {POLL_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`kind.${value}`)}
          </option>
        ))}
      </SelectField>
      <div hidden={!isChoiceKind(kind)}>
        <Field id="live-poll-options" name="options" label={t("fields.options")} hint={t("fields.optionsHint")} multiline error={errors.options} />
      </div>
      <div hidden={kind !== "RATING"}>
        <SelectField id="live-poll-scale" name="scaleMax" label={t("fields.scaleMax")} defaultValue={String(POLL_LIMITS.defaultScale)}>
          {SCALES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
      </div>
      <label className="choice">
        <input type="checkbox" name="anonymous" />
        {t("fields.anonymous")}
      </label>
      {failure ? (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" name="action" value="open" className="button button--primary" disabled={sending}>
          {t("create.openNow")}
        </button>
        <button type="submit" name="action" value="draft" className="button" disabled={sending}>
          {t("create.saveDraft")}
        </button>
      </div>
      <p role="status" className="poll-create__done">
        {done ?? ""}
      </p>
    </form>
  );
}
