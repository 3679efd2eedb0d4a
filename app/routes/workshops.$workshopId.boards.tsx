import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { boardPermission, mayManageBoards } from "~/boards/permissions";
import { BoardThumbnail } from "~/components/board/board-thumbnail";
import { Field, FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { resolveLanguage } from "~/i18n/locale.server";
import { requireCapability } from "~/models/access.server";
import { freezeBoardVersion, restoreBoardVersion } from "~/models/board-versions.server";
import { createBoard, listBoards, requireBoard } from "~/models/boards.server";
import { listSessions } from "~/models/session.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { BOARD_TEMPLATES, BOARD_TITLE_MAX, createBoardSchema, freezeVersionSchema, VERSION_NAME_MAX } from "~/utils/board-forms";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user.id, capability: "boards.view" });
  const [workshop, sessions, boards] = await Promise.all([getWorkshop({ workshopId }), listSessions({ workshopId }), listBoards({ workshopId })]);
  if (!workshop) notFound();
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    isOrganiser: access.role === "ORGANISER",
    readOnly: boardPermission(access) !== "edit",
    sessions: sessions.map((session) => ({
      id: session.id,
      title: session.title,
      canManage: mayManageBoards(access, session.id),
      boards: boards.filter((board) => board.sessionId === session.id),
    })),
  });
}

/** A refused form, shown where it was sent from (the session's creation form, or a board's freeze form). */
function refusal(intent: string, subjectId: string, errors: FieldErrors, values: Record<string, string | string[]>) {
  return json({ intent, subjectId, errors, values }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user.id, capability: "boards.manage" });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/workshops/${workshopId}/boards`;

  if (intent === "create") {
    const sessionId = String(formData.get("sessionId") ?? "");
    const form = parseForm(createBoardSchema, formData);
    if (!form.ok) return refusal(intent, sessionId, form.errors, form.values);
    if (!mayManageBoards(access, form.data.sessionId)) forbidden();
    const { language } = await resolveLanguage(request, user.locale);
    const created = await createBoard({ workshopId, actorId: user.id, language, ...form.data });
    if (!created.ok) notFound();
    return redirect(`${here}#board-${created.boardId}`);
  }

  if (intent !== "freeze" && intent !== "restore") badRequest();
  const { board } = await requireBoard({ boardId: String(formData.get("boardId") ?? ""), userId: user.id, need: "manage" });
  if (board.workshopId !== workshopId) notFound();

  if (intent === "freeze") {
    const form = parseForm(freezeVersionSchema, formData);
    if (!form.ok) return refusal(intent, board.id, form.errors, form.values);
    const frozen = await freezeBoardVersion({ workshopId, boardId: board.id, actorId: user.id, name: form.data.name });
    if (!frozen.ok) notFound();
    return redirect(`${here}#version-${frozen.id}`);
  }
  const restored = await restoreBoardVersion({ workshopId, boardId: board.id, versionId: String(formData.get("versionId") ?? ""), actorId: user.id });
  if (!restored.ok) notFound();
  return redirect(`${here}#board-${restored.id}`);
}

type LoaderData = SerializeFrom<typeof loader>;
type SessionBoards = LoaderData["sessions"][number];
type Refusal = { intent: string; subjectId: string; errors: FieldErrors; values: Record<string, string | string[]> };

export default function BoardsPage() {
  const { t } = useTranslation("boards");
  const { workshop, isOrganiser, readOnly, sessions } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section aria-labelledby="boards-title" className="stack">
        <h2 id="boards-title">{t("title")}</h2>
        <p className="muted">{t("intro")}</p>
        {readOnly ? <p className="alert alert--info">{t("readOnly")}</p> : null}
        {sessions.length === 0 ? <p className="muted">{t("noSessions")}</p> : null}
        {sessions.map((session) => (
          <SessionBoardsSection key={session.id} session={session} timeZone={workshop.timezone} refused={refused} />
        ))}
      </section>
    </div>
  );
}

function SessionBoardsSection({ session, timeZone, refused }: { session: SessionBoards; timeZone: string; refused?: Refusal }) {
  const { t } = useTranslation("boards");
  const creating = refused?.intent === "create" && refused.subjectId === session.id ? refused : undefined;
  const prefix = `session-${session.id}`;
  return (
    <section aria-labelledby={`${prefix}-title`} className="stack">
      <h3 id={`${prefix}-title`} dir="auto">
        {session.title}
      </h3>
      {session.boards.length === 0 ? <p className="muted">{t("noBoards")}</p> : null}
      <ul className="board-cards">
        {session.boards.map((board) => (
          <BoardCard key={board.id} board={board} canManage={session.canManage} timeZone={timeZone} refused={refused?.subjectId === board.id ? refused : undefined} />
        ))}
      </ul>
      {session.canManage ? (
        <details className="editor-details" open={creating ? true : undefined}>
          <summary>{t("create.title")}</summary>
          <IntentForm intent="create" subject={{ sessionId: session.id }} noValidate>
            <FormErrorSummary errors={creating?.errors} />
            <Field
              id={`${prefix}-board-title`}
              name="title"
              label={t("create.fields.title")}
              required
              maxLength={BOARD_TITLE_MAX}
              defaultValue={valueOf(creating?.values, "title")}
              error={creating?.errors.title}
            />
            <SelectField
              id={`${prefix}-board-template`}
              name="template"
              label={t("create.fields.template")}
              defaultValue={valueOf(creating?.values, "template") ?? BOARD_TEMPLATES[0]}
              error={creating?.errors.template}
            >
              {BOARD_TEMPLATES.map((template) => (
                <option key={template} value={template}>
                  {t(`templates.${template}.name`)}
                </option>
              ))}
            </SelectField>
            <SubmitButton className="button button--primary">{t("create.submit")}</SubmitButton>
          </IntentForm>
        </details>
      ) : null}
    </section>
  );
}

function BoardCard({ board, canManage, timeZone, refused }: { board: SessionBoards["boards"][number]; canManage: boolean; timeZone: string; refused?: Refusal }) {
  const { t } = useTranslation("boards");
  const workshopId = useLoaderData<typeof loader>().workshop.id;
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const freezing = refused?.intent === "freeze" ? refused : undefined;
  const when = (date: string) => formatDateTime(date, timeZone, language, { dateStyle: "medium", timeStyle: "short" });
  const prefix = `board-${board.id}`;
  return (
    <li id={prefix} className="card board-card stack">
      <h4 dir="auto">
        <Link to={`/workshops/${workshopId}/boards/${board.id}`}>{board.title}</Link>
      </h4>
      {/* Those who run the session follow every board live at a glance. */}
      {canManage ? (
        <Link to={`/workshops/${workshopId}/boards/${board.id}`} tabIndex={-1} aria-hidden="true">
          <BoardThumbnail boardId={board.id} title={board.title} />
        </Link>
      ) : null}
      <p className="row">
        <span className="badge badge--muted">{t("template", { name: t(`templates.${board.template}.name`) })}</span>
        <span className="muted">{t("createdBy", { name: board.createdBy?.name ?? "—", date: when(board.createdAt) })}</span>
      </p>
      <p className="row">
        <a href={`/boards/${board.id}.json`}>
          {t("export.json")}
          <span className="visually-hidden"> : {board.title}</span>
        </a>
        <a href={`/boards/${board.id}/notes.csv`} download>
          {t("export.csv")}
          <span className="visually-hidden"> : {board.title}</span>
        </a>
      </p>
      <h5>{t("versions.title")}</h5>
      {board.versions.length === 0 ? <p className="muted">{t("versions.none")}</p> : null}
      <ul className="board-versions">
        {board.versions.map((version) => (
          <li key={version.id} id={`version-${version.id}`} className="row">
            <span dir="auto">{version.name}</span>
            <span className="muted">
              {when(version.createdAt)}
              {version.createdBy ? ` · ${t("versions.by", { name: version.createdBy.name })}` : null}
            </span>
            <Link to={`/workshops/${workshopId}/boards/${board.id}/versions/${version.id}`}>
              {t("boardEditor:version.view")}
              <span className="visually-hidden"> : {version.name}</span>
            </Link>
            <a href={`/boards/${board.id}.json?version=${version.id}`}>
              {t("versions.json")}
              <span className="visually-hidden"> : {version.name}</span>
            </a>
            {canManage ? (
              <IntentForm intent="restore" subject={{ boardId: board.id, versionId: version.id }}>
                <SubmitButton className="button button--quiet">
                  {t("versions.restore")}
                  <span className="visually-hidden"> : {version.name}</span>
                </SubmitButton>
              </IntentForm>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <details className="editor-details" open={freezing ? true : undefined}>
          <summary>{t("versions.freeze")}</summary>
          <IntentForm intent="freeze" subject={{ boardId: board.id }} noValidate>
            <FormErrorSummary errors={freezing?.errors} />
            <Field
              id={`${prefix}-version-name`}
              name="name"
              label={t("versions.name")}
              hint={t("versions.nameHint")}
              required
              maxLength={VERSION_NAME_MAX}
              defaultValue={valueOf(freezing?.values, "name")}
              error={freezing?.errors.name}
            />
            <SubmitButton className="button button--primary">{t("versions.submit")}</SubmitButton>
          </IntentForm>
        </details>
      ) : null}
    </li>
  );
}
