import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { formatFileSize, useFileDescription } from "~/components/practices/practice-badges";
import { PracticeFields } from "~/components/practices/practice-fields";
import { SubmitButton } from "~/components/submit-button";
import { DEFAULT_LANGUAGE, INTL_LOCALE } from "~/i18n/config";
import { resolveLanguage } from "~/i18n/locale.server";
import { addAttachment, removeAttachment } from "~/models/practice-attachments.server";
import { announcePracticeEvent } from "~/models/practice-notices.server";
import { findEditablePractice, getPractice, updatePractice } from "~/models/practices.server";
import { mayEditPractice } from "~/practices/access";
import { ACCEPTED_EXTENSIONS, ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_PRACTICE } from "~/practices/attachment-rules";
import { countryOptions } from "~/practices/countries";
import { parsePracticeForm, practiceFormValues } from "~/practices/forms";
import { invalid, refused, type Refused } from "~/practices/refusals.server";
import { readUpload } from "~/practices/upload.server";
import { practiceViewerOf } from "~/practices/viewer";
import { sharedBeyondInstitution } from "~/practices/workflow";
import { useRootData } from "~/root";
import { formValues } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.practice.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = practiceViewerOf(user);
  const practice = (await getPractice({ practiceId: params.practiceId ?? "", viewer })) ?? notFound();
  if (!mayEditPractice(viewer, practice)) forbidden();
  const { language } = await resolveLanguage(request, user.locale);
  return json({
    practice: { id: practice.id, title: practice.title, status: practice.status, visibility: practice.visibility, attachments: practice.attachments },
    values: practiceFormValues(practice),
    countries: countryOptions(language),
  });
}

/** The limits in the refusal messages, in the reader's language ("10 Mo", "10 MB"). */
async function limits(request: Request, locale: string | null) {
  const { language } = await resolveLanguage(request, locale);
  return { size: formatFileSize(ATTACHMENT_MAX_BYTES, INTL_LOCALE[language]), max: ATTACHMENTS_PER_PRACTICE };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = practiceViewerOf(user);
  const practiceId = params.practiceId ?? notFound();
  const here = `/practices/${practiceId}/edit`;

  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    // Rights first: nobody gets to stream megabytes at a practice they may not edit.
    const editable = await findEditablePractice(practiceId, viewer);
    if (!editable.ok) return refused("upload", editable.reason);
    const upload = await readUpload(request, ["intent"]);
    if (!upload.ok) return upload.reason === "tooBig" ? refused("upload", "tooBig", {}, await limits(request, user.locale)) : badRequest();
    if (upload.fields.get("intent") !== "upload") badRequest();
    if (!upload.file) return refused("upload", "noFile");
    const added = await addAttachment({ practiceId, viewer, fileName: upload.file.name, bytes: new Uint8Array(await upload.file.arrayBuffer()) });
    if (!added.ok) return refused("upload", added.reason, {}, await limits(request, user.locale));
    await announcePracticeEvent(added.event);
    return redirect(`${here}#attachments`);
  }

  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  switch (intent) {
    case "save": {
      const form = parsePracticeForm(formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const saved = await updatePractice({ practiceId, viewer, fields: form.data });
      if (!saved.ok) return refused(intent, saved.reason, formValues(formData));
      await announcePracticeEvent(saved.event);
      return redirect(`/practices/${practiceId}`);
    }
    case "removeAttachment": {
      const removed = await removeAttachment({ practiceId, viewer, attachmentId: String(formData.get("attachmentId") ?? "") });
      return removed.ok ? redirect(`${here}#attachments`) : refused(intent, removed.reason);
    }
    default:
      badRequest();
  }
}

export default function EditPracticePage() {
  const { t } = useTranslation("practices");
  const { practice, values, countries } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const saving = sent?.intent === "save" ? sent : undefined;
  return (
    <div className="stack practice-form-page">
      <p>
        <Link to={`/practices/${practice.id}`}>{t("form.backToPractice")}</Link>
      </p>
      <section aria-labelledby="edit-practice-title" className="stack">
        <h1 id="edit-practice-title">{t("form.editTitle")}</h1>
        <p className="muted" dir="auto">
          {practice.title}
        </p>
        {practice.status === "REJECTED" ? <p className="alert alert--info">{t("form.rejectedWarning")}</p> : null}
        {practice.status === "PUBLISHED" && sharedBeyondInstitution(practice.visibility) ? (
          <p className="alert alert--info">{t("form.sharedWarning")}</p>
        ) : null}
        <FormErrorSummary errors={saving?.errors} />
        <IntentForm intent="save" noValidate className="stack practice-form">
          <PracticeFields values={saving?.values ?? values} errors={saving?.errors} countries={countries} />
          <div className="row">
            <SubmitButton className="button button--primary">{t("form.save")}</SubmitButton>
            <Link to={`/practices/${practice.id}`}>{t("form.cancel")}</Link>
          </div>
        </IntentForm>
      </section>
      <Attachments refusal={sent && sent.intent !== "save" ? sent : undefined} />
    </div>
  );
}

function Attachments({ refusal }: { refusal?: Refused }) {
  const { t } = useTranslation("practices");
  const { practice } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const describe = useFileDescription();
  const left = ATTACHMENTS_PER_PRACTICE - practice.attachments.length;
  const size = formatFileSize(ATTACHMENT_MAX_BYTES, INTL_LOCALE[language]);
  return (
    <section id="attachments" aria-labelledby="attachments-title" className="card stack">
      <h2 id="attachments-title">{t("attachments.title")}</h2>
      <p className="field__hint" id="attachments-hint">
        {t("attachments.hint", { size, max: ATTACHMENTS_PER_PRACTICE })}
      </p>
      <FormErrorSummary errors={refusal?.errors} />
      {practice.attachments.length === 0 ? (
        <p className="muted">{t("attachments.none")}</p>
      ) : (
        <ul className="practice-files">
          {practice.attachments.map((attachment) => (
            <li key={attachment.id} className="row">
              <a href={`/practices/${practice.id}/attachments/${attachment.id}`} download dir="auto">
                {attachment.fileName}
              </a>
              <span className="muted">{describe(attachment)}</span>
              <IntentForm intent="removeAttachment" subject={{ attachmentId: attachment.id }}>
                <SubmitButton className="button button--quiet button--danger">{t("attachments.remove", { name: attachment.fileName })}</SubmitButton>
              </IntentForm>
            </li>
          ))}
        </ul>
      )}
      {left > 0 ? (
        <Form method="post" encType="multipart/form-data" className="stack practice-upload">
          <input type="hidden" name="intent" value="upload" />
          <div className="field">
            <label htmlFor="attachment-file">{t("attachments.file")}</label>
            <input id="attachment-file" type="file" name="file" accept={ACCEPTED_EXTENSIONS} required aria-describedby="attachments-hint" />
          </div>
          <p className="field__hint">
            {t("attachments.left", { count: left })}
            {practice.status === "PUBLISHED" && sharedBeyondInstitution(practice.visibility) ? ` ${t("attachments.sharedWarning")}` : null}
          </p>
          <div>
            <SubmitButton className="button">{t("attachments.upload")}</SubmitButton>
          </div>
        </Form>
      ) : (
        <p className="alert alert--info">{t("attachments.full", { max: ATTACHMENTS_PER_PRACTICE })}</p>
      )}
    </section>
  );
}
