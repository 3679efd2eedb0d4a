import type { BoardElement } from "~/boards/document";
import { isRightToLeft } from "~/boards/text-layout";
import type { BoardPeer } from "./use-board-peers";

/** Other people's cursors and selections, drawn in board coordinates at a constant size on screen. */
export function BoardCursors({ peers, elements, zoom }: { peers: BoardPeer[]; elements: BoardElement[]; zoom: number }) {
  const byId = new Map(elements.map((element) => [element.id, element]));
  const scale = 1 / zoom;
  return (
    <g className="board-cursors" aria-hidden="true" pointerEvents="none">
      {peers.flatMap((peer) => {
        const selected = peer.selection.map((id) => byId.get(id)).filter((element): element is BoardElement => Boolean(element) && element?.type !== "connector");
        return [
          ...selected.map((element) => (
            <rect key={`${peer.clientId}-${element.id}`} x={element.x - 4 * scale} y={element.y - 4 * scale} width={element.w + 8 * scale} height={element.h + 8 * scale} fill="none" stroke={peer.colour} strokeWidth={2 * scale} rx={4 * scale} />
          )),
          // Whose selection it is, on its first element: two people about to edit the same note see each other.
          selected[0] ? (
            <g key={`${peer.clientId}-name`} transform={`translate(${selected[0].x - 4 * scale} ${selected[0].y - 4 * scale}) scale(${scale}) translate(-14 -44)`} data-selection-of={peer.user.name}>
              <NameTag name={peer.user.name} colour={peer.colour} />
            </g>
          ) : null,
        ];
      })}
      {peers.map((peer) =>
        peer.cursor ? (
          <g key={peer.clientId} transform={`translate(${peer.cursor.x} ${peer.cursor.y}) scale(${scale})`} className="board-cursor" data-cursor-of={peer.user.name}>
            <path d="M 0 0 L 0 18 L 5 13 L 9 22 L 12 21 L 8 12 L 15 12 z" fill={peer.colour} stroke="#fff" strokeWidth={1.5} />
            <NameTag name={peer.user.name} colour={peer.colour} />
          </g>
        ) : null,
      )}
    </g>
  );
}

function NameTag({ name, colour }: { name: string; colour: string }) {
  const width = Math.max(40, name.length * 7.5 + 12);
  const rtl = isRightToLeft(name);
  return (
    <g transform="translate(14 22)">
      <rect x={0} y={0} width={width} height={20} rx={4} fill={colour} />
      {/* "start" is the right edge of a right-to-left name. */}
      <text x={rtl ? width - 6 : 6} y={14} fontSize={12} fill="#fff" direction={rtl ? "rtl" : "ltr"} textAnchor="start">
        {name}
      </text>
    </g>
  );
}
