import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { requireBoard } from "~/models/boards.server";
import { listRecommendationsCiting } from "~/models/recommendation-sources.server";

/**
 * Traceability from a note: the recommendations that cite this element of the board (in any of its frozen versions),
 * with their status and latest decision. For whoever may view the board; each recommendation as its reader may see it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { board, access } = await requireBoard({ boardId: params.boardId ?? "", userId: user.id, need: "view" });
  const elementId = params.elementId ?? "";
  const recommendations = await listRecommendationsCiting({ boardId: board.id, elementId, access, userId: user.id });
  return json(
    {
      boardId: board.id,
      elementId,
      recommendations: recommendations.map(({ workshopId, boardVersionId, ...recommendation }) => ({
        ...recommendation,
        url: `/workshops/${workshopId}/recommendations/${recommendation.id}`,
        versionUrl: `/workshops/${workshopId}/boards/${board.id}/versions/${boardVersionId}?${new URLSearchParams({ element: elementId })}`,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
