import { Link, useFetcher, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormErrorSummary } from "~/components/field";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import type { ExchangeItem, PracticeExchange as Exchange } from "~/models/practice-exchange.server";
import { EXCHANGE_TEXT_MAX, readExchangeError, STORY_MAX, STORY_MIN, type ExchangeIntent } from "~/practices/exchange-forms";
import { useRootData } from "~/root";
import { formatDate } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms";

/**
 * The exchange at the end of a practice's page: how many institutions adopted it and their stories, questions to
 * the institution with its answers, and comments. Only what the viewer may read reaches this component; the forms
 * appear for those the server will accept them from, and post to app/routes/practices.$practiceId_.exchange.ts.
 */

/** Practices belong to no workshop, hence no venue's time zone: dates read as on the rest of the practice's page. */
const TIME_ZONE = "UTC";

export function PracticeExchange({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation("exchange");
  const location = useLocation();
  const [search] = useSearchParams();
  const error = readExchangeError(search);
  const errorsFor = (intent: ExchangeIntent, target?: string) => (error && error.intent === intent && error.target === target ? error.errors : undefined);
  return (
    <section id="exchange" aria-labelledby="exchange-title" className="stack practice-exchange">
      <h2 id="exchange-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {exchange.signedIn ? null : (
        <p className="alert alert--info">
          {t("signIn")} <Link to={`/login?${new URLSearchParams({ redirectTo: `${location.pathname}#exchange` })}`}>{t("signInLink")}</Link>
        </p>
      )}
      <Adoptions exchange={exchange} errors={errorsFor("adopt")} />
      <Questions exchange={exchange} errorsFor={errorsFor} />
      <Comments exchange={exchange} errors={errorsFor("comment")} />
    </section>
  );
}

/** For the top of the practice's page: how many other institutions adopted it, linking to their stories. */
export function AdoptionBadge({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation("exchange");
  if (exchange.adoptions.length === 0) return null;
  return (
    <a href="#exchange-adoptions" className="badge">
      {t("adoptions.badge", { count: exchange.adoptions.length })}
    </a>
  );
}

function Adoptions({ exchange, errors }: { exchange: Exchange; errors?: FieldErrors }) {
  const { t } = useTranslation("exchange");
  const date = useDate();
  return (
    <section id="exchange-adoptions" aria-labelledby="exchange-adoptions-title" className="stack">
      <h3 id="exchange-adoptions-title">{t("adoptions.title")}</h3>
      <p className="adoption-count">
        <strong className="adoption-count__value">{exchange.adoptions.length}</strong>
        <span>{t("adoptions.count")}</span>
      </p>
      {exchange.adoptions.length === 0 ? <p className="muted">{t("adoptions.none")}</p> : null}
      <ul className="exchange-list">
        {exchange.adoptions.map((adoption) => (
          <li key={adoption.id} className="card stack">
            <p>
              <Link to={`/institutions/${adoption.institution.id}`} dir="auto">
                <strong>{adoption.institution.name}</strong>
              </Link>
            </p>
            <p dir="auto" className="exchange-text">
              {adoption.story}
            </p>
            <p className="muted">{t("adoptions.story", { name: adoption.author?.name ?? t("someone"), date: date(adoption.updatedAt) })}</p>
          </li>
        ))}
      </ul>
      {exchange.may.adopt ? (
        <ExchangeForm
          id="exchange-adopt"
          practiceId={exchange.practiceId}
          intent="adopt"
          errors={errors}
          submit={exchange.adoptedByUs ? t("adoptions.update") : t("adoptions.submit")}
          primary
        >
          <h4>{t("adoptions.formTitle")}</h4>
          {exchange.adoptedByUs ? <p className="alert alert--info">{t("adoptions.already")}</p> : null}
          <Field
            id="exchange-adopt-story"
            name="story"
            label={t("adoptions.label")}
            hint={t("adoptions.hint", { min: STORY_MIN, max: STORY_MAX })}
            multiline
            required
            minLength={STORY_MIN}
            maxLength={STORY_MAX}
            error={errors?.story}
          />
        </ExchangeForm>
      ) : null}
    </section>
  );
}

function Questions({ exchange, errorsFor }: { exchange: Exchange; errorsFor: (intent: ExchangeIntent, target?: string) => FieldErrors | undefined }) {
  const { t } = useTranslation("exchange");
  const institution = exchange.institution.name;
  return (
    <section id="exchange-questions" aria-labelledby="exchange-questions-title" className="stack">
      <h3 id="exchange-questions-title">{t("questions.title")}</h3>
      {exchange.questions.length === 0 ? <p className="muted">{t("questions.none")}</p> : null}
      <ol className="exchange-list">
        {exchange.questions.map((question) => (
          <li key={question.id} id={`question-${question.id}`} className="card stack">
            <Writing practiceId={exchange.practiceId} item={question} />
            {question.answers.length === 0 && !question.deleted ? <p className="muted">{t("questions.noAnswer")}</p> : null}
            {question.answers.length > 0 ? (
              <ul className="exchange-answers">
                {question.answers.map((answer) => (
                  <li key={answer.id} className="stack">
                    <p className="exchange-answers__label">{t("questions.answer")}</p>
                    <Writing practiceId={exchange.practiceId} item={answer} />
                  </li>
                ))}
              </ul>
            ) : null}
            {exchange.may.answer && !question.deleted ? (
              <ExchangeForm
                id={`answer-${question.id}`}
                practiceId={exchange.practiceId}
                intent="answer"
                subject={{ questionId: question.id }}
                errors={errorsFor("answer", question.id)}
                submit={t("questions.answerSubmit")}
              >
                <Field
                  id={`answer-${question.id}-body`}
                  name="body"
                  label={t("questions.answerLabel", { institution })}
                  multiline
                  required
                  maxLength={EXCHANGE_TEXT_MAX}
                  error={errorsFor("answer", question.id)?.body}
                />
              </ExchangeForm>
            ) : null}
          </li>
        ))}
      </ol>
      {exchange.may.discuss ? (
        <ExchangeForm id="exchange-question" practiceId={exchange.practiceId} intent="question" errors={errorsFor("question")} submit={t("questions.submit")}>
          <h4>{t("questions.formTitle", { institution })}</h4>
          <Field
            id="exchange-question-body"
            name="body"
            label={t("questions.label")}
            multiline
            required
            maxLength={EXCHANGE_TEXT_MAX}
            error={errorsFor("question")?.body}
          />
          <label className="choice">
            <input type="checkbox" name="private" />
            {t("questions.private", { institution })}
          </label>
        </ExchangeForm>
      ) : null}
    </section>
  );
}

function Comments({ exchange, errors }: { exchange: Exchange; errors?: FieldErrors }) {
  const { t } = useTranslation("exchange");
  return (
    <section id="exchange-comments" aria-labelledby="exchange-comments-title" className="stack">
      <h3 id="exchange-comments-title">{t("comments.title")}</h3>
      {exchange.comments.length === 0 ? <p className="muted">{t("comments.none")}</p> : null}
      <ol className="exchange-list">
        {exchange.comments.map((comment) => (
          <li key={comment.id} className="card stack">
            <Writing practiceId={exchange.practiceId} item={comment} />
          </li>
        ))}
      </ol>
      {exchange.may.discuss ? (
        <ExchangeForm id="exchange-comment" practiceId={exchange.practiceId} intent="comment" errors={errors} submit={t("comments.submit")}>
          <Field id="exchange-comment-body" name="body" label={t("comments.label")} multiline required maxLength={EXCHANGE_TEXT_MAX} error={errors?.body} />
        </ExchangeForm>
      ) : null}
    </section>
  );
}

/** One comment, question or answer: who wrote it and when, its text (or that it was deleted), and its delete button. */
function Writing({ practiceId, item }: { practiceId: string; item: ExchangeItem }) {
  const { t } = useTranslation("exchange");
  const date = useDate();
  if (item.deleted) return <p className="muted">{t("deleted")}</p>;
  const name = item.author?.name ?? t("someone");
  return (
    <>
      <p className="row muted">
        <span>
          {item.author?.institution
            ? t("metaWithInstitution", { name, institution: item.author.institution.name, date: date(item.createdAt) })
            : t("meta", { name, date: date(item.createdAt) })}
        </span>
        {item.private ? <span className="badge badge--muted">{t("private")}</span> : null}
      </p>
      <p dir="auto" className="exchange-text">
        {item.body}
      </p>
      {item.mayDelete ? (
        <ExchangeForm practiceId={practiceId} intent="delete" subject={{ commentId: item.id }} submit={t("delete")} quiet />
      ) : null}
    </>
  );
}

interface ExchangeFormProps {
  id?: string;
  practiceId: string;
  intent: ExchangeIntent;
  subject?: Record<string, string>;
  errors?: FieldErrors;
  submit: string;
  primary?: boolean;
  quiet?: boolean;
  children?: React.ReactNode;
}

/**
 * A form of the exchange: a plain POST without JavaScript; with it, sent without reloading the page, emptied once
 * accepted. Either way the answer is a redirect to the page, with the errors in the address (exchange-forms.ts).
 */
function ExchangeForm({ id, practiceId, intent, subject = {}, errors, submit, primary, quiet, children }: ExchangeFormProps) {
  const { t } = useTranslation("exchange");
  const fetcher = useFetcher();
  const form = useRef<HTMLFormElement>(null);
  const sent = useRef(false);
  const busy = fetcher.state !== "idle";
  useEffect(() => {
    if (busy) sent.current = true;
    else if (sent.current) {
      sent.current = false;
      if (!errors) form.current?.reset();
    }
  }, [busy, errors]);
  return (
    <fetcher.Form ref={form} id={id} method="post" action={`/practices/${practiceId}/exchange`} className={quiet ? "inline-form" : "stack exchange-form"}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(subject).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrorSummary errors={errors} />
      {children}
      <div>
        <button type="submit" className={primary ? "button button--primary" : quiet ? "button button--quiet" : "button"} disabled={busy}>
          {busy ? t("sending") : submit}
        </button>
      </div>
    </fetcher.Form>
  );
}

function useDate() {
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (date: string) => formatDate(date, TIME_ZONE, language);
}
