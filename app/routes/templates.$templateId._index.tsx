import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser, requireUser } from "~/auth/session.server";
import { FormErrorSummary, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { TemplateFormFields } from "~/components/template-form";
import { deleteTemplate, getTemplatePerson, getViewableTemplate, updateTemplate } from "~/models/workshop-templates.server";
import { mayManageTemplate, mayUseTemplate } from "~/templates/access";
import type { TemplateAgendaItem } from "~/templates/content";
import { templateFormSchema } from "~/templates/forms";
import { clockReading, durationLabel } from "~/templates/schedule";
import { formValues, parseForm } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.template.title} · Majlis` : "Majlis" }];

/**
 * The template and what this person may do with it; 404 when they may not read it, like a template that is not.
 * Reading a public template needs no account; changing one does.
 */
async function requireTemplate(request: Request, templateId: string | undefined, { signedIn }: { signedIn: boolean }) {
  const user = signedIn ? await requireUser(request) : await getUser(request);
  const person = user ? await getTemplatePerson({ userId: user.id }) : null;
  const template = (templateId ? await getViewableTemplate({ templateId, person }) : null) ?? notFound();
  return { user, template, mayManage: person !== null && mayManageTemplate(person, template), mayUse: person !== null && mayUseTemplate(person, template) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { template, mayManage, mayUse } = await requireTemplate(request, params.templateId, { signedIn: false });
  const { content, ...rest } = template;
  // A board's structure can hold many elements: the page shows what they amount to, not each of them.
  const boards = content.boards.map(({ elements, ...board }) => ({
    ...board,
    sections: elements.filter((element) => element.type === "section" && element.text.trim() !== "").map((element) => element.text),
    elementCount: elements.length,
  }));
  return json({ template: { ...rest, content: { ...content, boards } }, mayManage, mayUse });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, template, mayManage } = await requireTemplate(request, params.templateId, { signedIn: true });
  if (!user) return notFound();
  if (!mayManage) forbidden();
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "delete") {
    await deleteTemplate({ templateId: template.id, actorId: user.id });
    return redirect("/templates?done=deleted");
  }
  if (intent !== "update") badRequest();
  const form = parseForm(templateFormSchema, formData);
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  if (form.data.visibility === "INSTITUTION" && template.organisationId === null) {
    return json({ errors: { visibility: { key: "templates:errors.noInstitution" } }, values: formValues(formData) }, { status: 400 });
  }
  await updateTemplate({ templateId: template.id, actorId: user.id, fields: form.data });
  return redirect(`/templates/${template.id}?done=saved`);
}

type Template = SerializeFrom<typeof loader>["template"];

export default function TemplatePage() {
  const { t } = useTranslation(["templates", "workshop", "common", "boards", "polls"]);
  const { template, mayManage, mayUse } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const duration = durationLabel(template.durationMinutes);
  const { content } = template;
  return (
    <div className="stack template-page">
      <p>
        <Link to="/templates">{t("page.backToLibrary")}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 dir="auto">{template.title}</h1>
          <p className="muted" dir="auto">
            {t("page.by", { institution: template.organisationName ?? t("library.noInstitution") })}
          </p>
          <p className="row">
            <span className="badge">{t(`workshop:format.${template.format}`)}</span>
            <span className="badge badge--muted">{t(`visibility.${template.visibility}`)}</span>
          </p>
        </div>
      </header>
      {(done === "saved" || done === "created") && !data ? (
        <p className="alert alert--ok" role="status">
          {t(done === "created" ? "save.created" : "page.saved")}
        </p>
      ) : null}
      {mayUse ? (
        <p className="cta">
          <Link to={`/templates/${template.id}/use`} className="button button--primary button--large">
            {t("page.use")}
          </Link>
        </p>
      ) : null}
      {template.description ? (
        <p className="template-description" dir="auto">
          {template.description}
        </p>
      ) : null}

      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t("page.facts")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("page.duration")}</dt>
            <dd>
              {t(duration.key, duration.values)}
              <span className="facts__note">{t("page.startTime", { time: content.startTime })}</span>
            </dd>
          </div>
          <div>
            <dt>{t("page.languages")}</dt>
            <dd>{template.languages.map((language) => t(`common:language.${language}`)).join(", ")}</dd>
          </div>
          <div>
            <dt>{t("page.timezone")}</dt>
            <dd dir="ltr">{template.timezone.replaceAll("_", " ")}</dd>
          </div>
        </dl>
      </section>

      <TemplateAgenda template={template} />
      <TemplateBoards template={template} />
      <TemplatePolls template={template} />

      {mayManage ? (
        <section className="card narrow" aria-labelledby="manage-title">
          <h2 id="manage-title">{t("page.manage")}</h2>
          <h3>{t("page.edit")}</h3>
          <IntentForm intent="update" noValidate>
            <FormErrorSummary errors={data?.errors} />
            <TemplateFormFields
              values={{
                title: valueOf(data?.values, "title") ?? template.title,
                description: valueOf(data?.values, "description") ?? template.description,
                visibility: valueOf(data?.values, "visibility") ?? template.visibility,
              }}
              errors={data?.errors}
            />
            <SubmitButton className="button button--primary">{t("page.editSubmit")}</SubmitButton>
          </IntentForm>
          <h3>{t("page.delete")}</h3>
          <p className="muted">{t("page.deleteHint")}</p>
          <IntentForm intent="delete">
            <SubmitButton className="button button--danger">{t("page.delete")}</SubmitButton>
          </IntentForm>
        </section>
      ) : null}
    </div>
  );
}

function useAgendaTime(template: Template) {
  const { t } = useTranslation("templates");
  const multiDay = clockReading({ startTime: template.content.startTime, minutes: template.durationMinutes }).day > 0;
  return (item: TemplateAgendaItem) => {
    const from = clockReading({ startTime: template.content.startTime, minutes: item.startMinutes });
    const to = clockReading({ startTime: template.content.startTime, minutes: item.startMinutes + item.durationMinutes });
    const range = `${from.time}–${to.time}`;
    return multiDay ? `${t("page.day", { day: from.day + 1 })} · ${range}` : range;
  };
}

/** The agenda by room: the plenary first, then each parallel session with its place and seats. */
function TemplateAgenda({ template }: { template: Template }) {
  const { t } = useTranslation("templates");
  const timeOf = useAgendaTime(template);
  const { sessions, agenda } = template.content;
  const rooms = [{ index: null as number | null, title: t("page.plenary"), detail: [] as string[] }].concat(
    sessions.map((session, index) => ({
      index,
      title: session.title,
      detail: [session.room ? t("page.room", { room: session.room }) : "", session.capacity ? t("page.capacity", { count: session.capacity }) : ""].filter(
        Boolean
      ),
    }))
  );
  return (
    <section aria-labelledby="agenda-title" className="stack">
      <h2 id="agenda-title">{t("page.agenda")}</h2>
      {agenda.length === 0 ? <p className="muted">{t("page.noAgenda")}</p> : null}
      <div className="grid">
        {rooms.map((room) => {
          const items = agenda.filter((item) => item.session === room.index);
          if (room.index === null && items.length === 0) return null;
          return (
            <article key={room.index ?? "plenary"} className="card">
              <h3 dir="auto">{room.title}</h3>
              {room.detail.length > 0 ? <p className="muted">{room.detail.join(" · ")}</p> : null}
              {items.length > 0 ? (
                <ol className="template-agenda">
                  {items.map((item, position) => (
                    <li key={position}>
                      <span className="template-agenda__time" dir="ltr">
                        {timeOf(item)}
                      </span>{" "}
                      <span dir="auto">{item.title}</span>
                    </li>
                  ))}
                </ol>
              ) : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}

function TemplateBoards({ template }: { template: Template }) {
  const { t } = useTranslation(["templates", "boards"]);
  const { sessions, boards } = template.content;
  return (
    <section aria-labelledby="boards-title">
      <h2 id="boards-title">{t("page.boards")}</h2>
      {boards.length === 0 ? (
        <p className="muted">{t("page.noBoards")}</p>
      ) : (
        <ul className="stack template-boards">
          {boards.map((board, position) => (
            <li key={position}>
              <strong dir="auto">{board.title}</strong> <span className="muted">· {t(`boards:templates.${board.kind}.name`)}</span>
              <br />
              <span className="muted" dir="auto">
                {sessions[board.session]?.title}
              </span>
              {board.sections.length > 0 ? <p dir="auto">{t("page.sections", { names: board.sections.join(" · ") })}</p> : null}
              <p className="muted">{t("page.elements", { count: board.elementCount })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TemplatePolls({ template }: { template: Template }) {
  const { t } = useTranslation(["templates", "polls"]);
  const { sessions, agenda, polls } = template.content;
  return (
    <section aria-labelledby="polls-title">
      <h2 id="polls-title">{t("page.polls")}</h2>
      {polls.length === 0 ? (
        <p className="muted">{t("page.noPolls")}</p>
      ) : (
        <ul className="stack template-polls">
          {polls.map((poll, position) => {
            const room = poll.session === null ? t("page.plenary") : sessions[poll.session]?.title;
            const item = poll.agendaItem === null ? null : agenda[poll.agendaItem]?.title;
            return (
              <li key={position}>
                <strong dir="auto">{poll.question}</strong>
                <br />
                <span className="muted">
                  {t(`polls:kind.${poll.kind}`)}
                  {poll.anonymous ? ` · ${t("page.anonymous")}` : ""}
                </span>
                <br />
                <span className="muted" dir="auto">
                  {[room, item].filter(Boolean).join(" · ")}
                </span>
                {poll.options.length > 0 ? <p dir="auto">{t("page.pollOptions", { options: poll.options.join(" · ") })}</p> : null}
                {poll.kind === "RATING" && poll.scaleMax ? <p>{t("page.pollScale", { max: poll.scaleMax })}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
