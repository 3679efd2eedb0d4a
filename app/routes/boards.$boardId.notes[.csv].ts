import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { resolveLanguage } from "~/i18n/locale.server";
import { readBoardState } from "~/models/board-storage.server";
import { findAuthorNames, requireBoard } from "~/models/boards.server";
import { authorIdsOf, notesCsv } from "~/utils/board-export.server";

/** A board's sticky notes as a CSV download (text, author, section, votes), for anyone who may view the board. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { board } = await requireBoard({ boardId: params.boardId ?? "", userId: user.id, need: "view" });
  const [state, { language }] = await Promise.all([readBoardState({ boardId: board.id }), resolveLanguage(request, user.locale)]);
  const authors = await findAuthorNames({ workshopId: board.workshopId, userIds: authorIdsOf(state) });
  return new Response(notesCsv({ state, language, authors }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="board-notes-${board.id}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
