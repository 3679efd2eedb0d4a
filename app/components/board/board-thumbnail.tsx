import { useTranslation } from "react-i18next";
import { BoardScene, boundsOf } from "./board-scene";
import { useBoardConnection } from "./use-board-connection";
import { useBoardElements } from "./use-board-elements";

const MARGIN = 24;

/** A board drawn small and kept live: it follows every change over its own read-only use of the board socket. */
export function BoardThumbnail({ boardId, title }: { boardId: string; title: string }) {
  const { t } = useTranslation("boardEditor");
  const connection = useBoardConnection(boardId, { presence: false });
  const elements = useBoardElements(connection.doc);
  const box = boundsOf(elements);
  return (
    <svg className="board-thumbnail" viewBox={`${box.x - MARGIN} ${box.y - MARGIN} ${box.w + 2 * MARGIN} ${box.h + 2 * MARGIN}`} role="img" aria-label={t("thumbnails.label", { title })} data-board-thumbnail={boardId} data-elements={elements.length}>
      <BoardScene elements={elements} />
    </svg>
  );
}
