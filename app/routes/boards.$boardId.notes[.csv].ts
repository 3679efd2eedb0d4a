import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { resolveLanguage } from "~/i18n/locale.server";
import { readBoardState } from "~/models/board-storage.server";
import { latestClosedRoundCounts } from "~/models/board-votes.server";
import { findAuthorNames, requireBoard } from "~/models/boards.server";
import { authorIdsOf, notesCsv } from "~/utils/board-export.server";

/** A board's sticky notes as a CSV download (text, author, section, dots of the latest closed voting round), for anyone who may view the board. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { board } = await requireBoard({ boardId: params.boardId ?? "", userId: user.id, need: "view" });
  const [state, votes, { language }] = await Promise.all([
    readBoardState({ boardId: board.id }),
    latestClosedRoundCounts({ boardId: board.id }),
    resolveLanguage(request, user.locale),
  ]);
  const authors = await findAuthorNames({ workshopId: board.workshopId, userIds: authorIdsOf(state) });
  return new Response(notesCsv({ state, language, authors, votes }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="board-notes-${board.id}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
