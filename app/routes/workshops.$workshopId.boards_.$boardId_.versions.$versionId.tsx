import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { documentFromState } from "~/boards/document";
import { BoardCanvas } from "~/components/board/board-canvas";
import { BoardViewSwitch, type BoardView } from "~/components/board/board-view-switch";
import { BoardOutline } from "~/components/board/board-outline";
import { useBoardElements } from "~/components/board/use-board-elements";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { getBoardVersion } from "~/models/board-versions.server";
import { listBoardMemberNames, requireBoard } from "~/models/boards.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const handle = { fullScreen: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.board.title} — ${data.version.name} · Majlis` : "Majlis" }];

/**
 * A frozen version of a board, as it was when it was frozen: read-only, for everyone who may view the board. This is
 * where a recommendation's evidence leads (`?element=` frames and selects the cited note).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { board } = await requireBoard({ boardId: params.boardId ?? "", userId: user.id, need: "view" });
  if (board.workshopId !== params.workshopId) notFound();
  const [version, workshop, memberNames] = await Promise.all([
    getBoardVersion({ workshopId: board.workshopId, boardId: board.id, versionId: params.versionId ?? "" }),
    getWorkshop({ workshopId: board.workshopId }),
    listBoardMemberNames({ workshopId: board.workshopId }),
  ]);
  if (!version || !workshop) notFound();
  return json({
    board: { id: board.id, title: board.title, workshopId: board.workshopId },
    version: { id: version.id, name: version.name, createdAt: version.createdAt.toISOString(), createdBy: version.createdBy?.name ?? null, state: Buffer.from(version.state).toString("base64") },
    timeZone: workshop.timezone,
    focusElementId: new URL(request.url).searchParams.get("element"),
    user: { id: user.id, name: user.name },
    memberNames: Object.fromEntries(memberNames),
  });
}

function decodeState(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

export default function BoardVersionPage() {
  const { t } = useTranslation("boardEditor");
  const { board, version, timeZone, focusElementId, user, memberNames } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const doc = useMemo(() => documentFromState(decodeState(version.state)), [version.state]);
  const elements = useBoardElements(doc);
  const origin = useMemo(() => ({ version: version.id }), [version.id]);
  const [view, setView] = useState<BoardView>("canvas");
  const focused = focusElementId ? elements.find((element) => element.id === focusElementId) : undefined;

  return (
    <div className="board-page">
      <header className="board-bar">
        <Link to={`/workshops/${board.workshopId}/boards/${board.id}`} className="board-bar__back">
          {t("version.live")}
        </Link>
        <div className="board-bar__title">
          <h1 dir="auto">
            {board.title} — {version.name}
          </h1>
          <p className="muted">
            {t("version.frozen", { date: formatDateTime(version.createdAt, timeZone, language, { dateStyle: "medium", timeStyle: "short" }), name: version.createdBy ?? "—" })}
          </p>
        </div>
        {focusElementId ? (
          <p className="board-bar__evidence" role="status">
            {focused ? t("version.cited", { text: focused.text.slice(0, 80) || t(`types.${focused.type}`) }) : t("version.citedMissing")}
          </p>
        ) : null}
        <BoardViewSwitch view={view} onChange={setView} />
      </header>
      <div className="board-body">
        <div className="board-main" hidden={view !== "canvas"}>
          <BoardCanvas
            boardId={board.id}
            doc={doc}
            elements={elements}
            awareness={null}
            origin={origin}
            user={user}
            authorNames={memberNames}
            editable={false}
            boardTitle={`${board.title} — ${version.name}`}
            voting={null}
            focusElementId={focusElementId}
          />
        </div>
        <div className="board-main board-main--outline" hidden={view !== "outline"}>
          <BoardOutline doc={doc} elements={elements} editable={false} user={user} authorNames={memberNames} origin={origin} voting={null} />
        </div>
      </div>
    </div>
  );
}
