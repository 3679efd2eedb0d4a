import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { readBoardState } from "~/models/board-storage.server";
import { getBoardVersion } from "~/models/board-versions.server";
import { findAuthorNames, getBoardSessionTitle, requireBoard } from "~/models/boards.server";
import { authorIdsOf, boardJson } from "~/utils/board-export.server";
import { notFound } from "~/utils/http.server";

/** A board as JSON: what is saved now, or a frozen version with `?version=<id>`. Anyone who may view the board. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { board } = await requireBoard({ boardId: params.boardId ?? "", userId: user.id, need: "view" });
  const versionId = new URL(request.url).searchParams.get("version");
  const version = versionId ? await getBoardVersion({ workshopId: board.workshopId, boardId: board.id, versionId }) : null;
  if (versionId && !version) notFound();
  const state = version ? version.state : await readBoardState({ boardId: board.id });
  const [sessionTitle, authors] = await Promise.all([
    getBoardSessionTitle({ workshopId: board.workshopId, sessionId: board.sessionId }),
    findAuthorNames({ workshopId: board.workshopId, userIds: authorIdsOf(state) }),
  ]);
  const exported = { id: board.id, title: board.title, template: board.template, sessionId: board.sessionId };
  return json(boardJson({ board: exported, sessionTitle, version, state, authors }), {
    // Participants' contributions with their names: never kept by a shared cache.
    headers: { "Cache-Control": "private, no-store" },
  });
}
