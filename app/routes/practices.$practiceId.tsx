import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser, requireUser } from "~/auth/session.server";
import { Field, FormErrorSummary } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { PracticeStatusBadge, useFileDescription, VisibilityBadge } from "~/components/practices/practice-badges";
import { PracticeCitations } from "~/components/practices/practice-citations";
import { AdoptionBadge, PracticeExchange } from "~/components/practices/practice-exchange";
import { SubmitButton } from "~/components/submit-button";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { resolveLanguage } from "~/i18n/locale.server";
import { listCitingRecommendations } from "~/models/practice-citations.server";
import { loadPracticeExchange } from "~/models/practice-exchange.server";
import { announcePracticeEvent } from "~/models/practice-notices.server";
import { approvePractice, deletePractice, getPractice, rejectPractice, submitPractice, withdrawPractice } from "~/models/practices.server";
import { belongsToOwner, mayEditPractice, mayModerate } from "~/practices/access";
import { countryName } from "~/practices/countries";
import { NOTE_MAX, rejectSchema } from "~/practices/forms";
import { invalid, refused, type Refused } from "~/practices/refusals.server";
import { practiceViewerOf } from "~/practices/viewer";
import { mayDeleteFrom, mayPublishFrom, mayWithdrawFrom, sharedBeyondInstitution } from "~/practices/workflow";
import { useRootData } from "~/root";
import { formatDate } from "~/utils/dates";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.practice.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = practiceViewerOf(user);
  // Not readable and not there get the same 404: a private practice is never revealed, not even by its address.
  const practice = (await getPractice({ practiceId: params.practiceId ?? "", viewer })) ?? notFound();
  const { language } = await resolveLanguage(request, user?.locale);
  const canEdit = mayEditPractice(viewer, practice);
  const [exchange, citations] = await Promise.all([
    loadPracticeExchange({ practiceId: practice.id, viewer }),
    listCitingRecommendations({ practiceId: practice.id, viewer }),
  ]);
  return json({
    practice: { ...practice, countryName: countryName(practice.country, language) },
    isOwner: belongsToOwner(viewer, practice),
    edit: canEdit
      ? {
          publish: mayPublishFrom(practice.status),
          withdraw: mayWithdrawFrom(practice.status),
          remove: mayDeleteFrom(practice.status),
        }
      : null,
    moderate: mayModerate(viewer, practice),
    exchange,
    citations,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = practiceViewerOf(user);
  const practiceId = params.practiceId ?? notFound();
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/practices/${practiceId}`;
  const target = { practiceId, viewer };

  switch (intent) {
    case "publish": {
      const published = await submitPractice(target);
      if (!published.ok) return refused(intent, published.reason);
      await announcePracticeEvent(published.event);
      return redirect(here);
    }
    case "withdraw": {
      const withdrawn = await withdrawPractice(target);
      return withdrawn.ok ? redirect(here) : refused(intent, withdrawn.reason);
    }
    case "delete": {
      const deleted = await deletePractice(target);
      return deleted.ok ? redirect("/practices?scope=mine") : refused(intent, deleted.reason);
    }
    case "approve": {
      const approved = await approvePractice(target);
      if (!approved.ok) return refused(intent, approved.reason);
      await announcePracticeEvent(approved.event);
      return redirect("/practices/moderation");
    }
    case "reject": {
      const form = parseForm(rejectSchema, formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const rejected = await rejectPractice({ ...target, note: form.data.note });
      if (!rejected.ok) return refused(intent, rejected.reason, form.data);
      await announcePracticeEvent(rejected.event);
      return redirect("/practices/moderation");
    }
    default:
      badRequest();
  }
}

export default function PracticePage() {
  const { t } = useTranslation("practices");
  const { practice, isOwner, edit, moderate, exchange, citations } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const date = (value: string) => formatDate(value, "UTC", language);
  return (
    <div className="stack practice-page">
      <p>
        <Link to="/practices">{t("detail.back")}</Link>
      </p>
      <article className="stack" aria-labelledby="practice-title">
        <header className="stack practice-header">
          <h1 id="practice-title" dir="auto">
            {practice.title}
          </h1>
          <p className="row">
            {isOwner || practice.status !== "PUBLISHED" ? <PracticeStatusBadge status={practice.status} /> : null}
            <Link to={`/institutions/${practice.organisation.id}`} dir="auto">
              {practice.organisation.name}
            </Link>
            <span className="muted">{practice.countryName}</span>
            {exchange ? <AdoptionBadge exchange={exchange} /> : null}
            <span className="muted">
              {practice.status === "PUBLISHED" && practice.publishedAt
                ? t("detail.publishedOn", { date: date(practice.publishedAt) })
                : practice.status === "PENDING" && practice.submittedAt
                  ? t("detail.submittedOn", { date: date(practice.submittedAt) })
                  : t("detail.updatedOn", { date: date(practice.updatedAt) })}
            </span>
          </p>
          {isOwner ? <OwnerNote /> : null}
        </header>
        {edit ? <EditorActions refusal={sent && ["publish", "withdraw", "delete"].includes(sent.intent) ? sent : undefined} /> : null}
        {moderate ? <Moderation refusal={sent && ["approve", "reject"].includes(sent.intent) ? sent : undefined} /> : null}
        {practice.figures.length > 0 ? (
          <section aria-labelledby="figures-title" className="stack">
            <h2 id="figures-title">{t("detail.figures")}</h2>
            <ul className="practice-figures">
              {practice.figures.map((figure, index) => (
                <li key={index} className="practice-figure">
                  <span className="practice-figure__value" dir="auto">
                    {figure.value}
                  </span>
                  <span className="practice-figure__label" dir="auto">
                    {figure.label}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="practice-layout">
          <div className="stack practice-text">
            <TextSection id="problem" title={t("fields.problem")} text={practice.problem} />
            <TextSection id="approach" title={t("fields.approach")} text={practice.approach} />
            {practice.results ? <TextSection id="results" title={t("fields.results")} text={practice.results} /> : null}
            {practice.resources.length > 0 ? (
              <section aria-labelledby="resources-title" className="stack">
                <h2 id="resources-title">{t("detail.resources")}</h2>
                <ul className="practice-links">
                  {practice.resources.map((resource, index) => (
                    <li key={index}>
                      <a href={resource.url} rel="noopener noreferrer" target="_blank" dir="auto">
                        {resource.title}
                      </a>
                      <span className="muted practice-links__url" dir="ltr">
                        {new URL(resource.url).hostname}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <Attachments />
          </div>
          <About />
        </div>
        {exchange ? <PracticeExchange exchange={exchange} /> : null}
        <PracticeCitations recommendations={citations} />
      </article>
    </div>
  );
}

function TextSection({ id, title, text }: { id: string; title: string; text: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="practice-text__body" dir="auto">
        {text}
      </p>
    </section>
  );
}

function OwnerNote() {
  const { t } = useTranslation("practices");
  const { practice } = useLoaderData<typeof loader>();
  switch (practice.status) {
    case "DRAFT":
      return (
        <>
          <p className="alert alert--info">{t("detail.draftNote")}</p>
          {practice.moderationNote ? (
            <p className="alert alert--info" dir="auto">
              {t("detail.lastNote", { note: practice.moderationNote })}
            </p>
          ) : null}
        </>
      );
    case "PENDING":
      return <p className="alert alert--info">{t("detail.pendingNote")}</p>;
    case "REJECTED":
      return (
        <p className="alert alert--error" dir="auto">
          {t("detail.rejectedNote", { note: practice.moderationNote })}
        </p>
      );
    default:
      return practice.visibility === "INSTITUTION" ? <p className="muted">{t("detail.publishedInstitutionNote")}</p> : null;
  }
}

function EditorActions({ refusal }: { refusal?: Refused }) {
  const { t } = useTranslation("practices");
  const { practice, edit } = useLoaderData<typeof loader>();
  if (!edit) return null;
  const shared = sharedBeyondInstitution(practice.visibility);
  return (
    <section aria-labelledby="actions-title" className="card stack practice-actions">
      <h2 id="actions-title" className="visually-hidden">
        {t("actions.title")}
      </h2>
      <FormErrorSummary errors={refusal?.errors} />
      <div className="row">
        <Link to={`/practices/${practice.id}/edit`} className="button">
          {t("actions.edit")}
        </Link>
        {edit.publish ? (
          <IntentForm intent="publish">
            <SubmitButton className="button button--primary" aria-describedby={shared ? "publish-hint" : undefined}>
              {shared ? t("actions.publishShared") : t("actions.publishInstitution")}
            </SubmitButton>
          </IntentForm>
        ) : null}
        {edit.withdraw ? (
          <IntentForm intent="withdraw">
            <SubmitButton className="button" aria-describedby="withdraw-hint">
              {t("actions.withdraw")}
            </SubmitButton>
          </IntentForm>
        ) : null}
        {edit.remove ? (
          <IntentForm intent="delete">
            <SubmitButton className="button button--danger" aria-describedby="delete-hint">
              {t("actions.delete")}
            </SubmitButton>
          </IntentForm>
        ) : null}
      </div>
      {edit.publish && shared ? (
        <p className="field__hint" id="publish-hint">
          {t("actions.publishSharedHint")}
        </p>
      ) : null}
      {edit.withdraw ? (
        <p className="field__hint" id="withdraw-hint">
          {t("actions.withdrawHint")}
        </p>
      ) : null}
      {edit.remove ? (
        <p className="field__hint" id="delete-hint">
          {t("actions.deleteHint")}
        </p>
      ) : null}
    </section>
  );
}

function Moderation({ refusal }: { refusal?: Refused }) {
  const { t } = useTranslation("practices");
  const { practice } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="moderation-title" className="card stack practice-moderation">
      <h2 id="moderation-title">{t("moderation.decide")}</h2>
      <p className="row">
        <VisibilityBadge visibility={practice.visibility} />
        <span className="muted">{t(`visibilityHints.${practice.visibility}`)}</span>
      </p>
      <FormErrorSummary errors={refusal?.errors} />
      <IntentForm intent="approve">
        <SubmitButton className="button button--primary">{t("moderation.approve")}</SubmitButton>
      </IntentForm>
      <IntentForm intent="reject" noValidate className="stack">
        <Field
          id="moderation-note"
          name="note"
          label={t("moderation.note")}
          hint={t("moderation.noteHint")}
          required
          multiline
          maxLength={NOTE_MAX}
          defaultValue={typeof refusal?.values.note === "string" ? refusal.values.note : undefined}
          error={refusal?.errors.note}
        />
        <SubmitButton className="button button--danger">{t("moderation.reject")}</SubmitButton>
      </IntentForm>
      <p>
        <Link to="/practices/moderation">{t("moderation.back")}</Link>
      </p>
    </section>
  );
}

function Attachments() {
  const { t } = useTranslation("practices");
  const { practice } = useLoaderData<typeof loader>();
  const describe = useFileDescription();
  if (practice.attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title" className="stack">
      <h2 id="attachments-title">{t("attachments.title")}</h2>
      <ul className="practice-files">
        {practice.attachments.map((attachment) => (
          <li key={attachment.id}>
            <a href={`/practices/${practice.id}/attachments/${attachment.id}`} download dir="auto">
              {attachment.fileName}
            </a>
            <span className="muted"> · {describe(attachment)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function About() {
  const { t } = useTranslation(["practices", "common"]);
  const { practice } = useLoaderData<typeof loader>();
  return (
    <aside aria-labelledby="about-title" className="card stack practice-about">
      <h2 id="about-title">{t("detail.about")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("detail.institution")}</dt>
          <dd>
            <Link to={`/institutions/${practice.organisation.id}`} dir="auto">
              {practice.organisation.name}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t("detail.country")}</dt>
          <dd>{practice.countryName}</dd>
        </div>
        <div>
          <dt>{t("detail.themes")}</dt>
          <dd>
            <ul className="practice-tags">
              {practice.themes.map((theme) => (
                <li key={theme} className="badge">
                  {t(`themes.${theme}`, { defaultValue: theme })}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t("detail.languages")}</dt>
          <dd>{practice.languages.map((language) => t(`common:language.${language}`, { defaultValue: language })).join(" · ")}</dd>
        </div>
        <div>
          <dt>{t("detail.visibility")}</dt>
          <dd>{t(`visibilities.${practice.visibility}`)}</dd>
        </div>
        {practice.author ? (
          <div>
            <dt>{t("detail.author")}</dt>
            <dd dir="auto">{practice.author.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("detail.contact")}</dt>
          <dd>
            {practice.contactName || practice.contactEmail ? (
              <>
                {practice.contactName ? <span dir="auto">{practice.contactName}</span> : null}
                {practice.contactEmail ? (
                  <>
                    {practice.contactName ? <br /> : null}
                    <a href={`mailto:${practice.contactEmail}`} dir="ltr">
                      {practice.contactEmail}
                    </a>
                  </>
                ) : null}
              </>
            ) : (
              <span className="muted">{t("detail.noContact")}</span>
            )}
          </dd>
        </div>
      </dl>
    </aside>
  );
}
