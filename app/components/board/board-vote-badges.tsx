import type { BoardElement } from "~/boards/document";
import type { BoardVoting } from "./use-board-voting";

/**
 * Dots on the elements: during a round, the dots this person placed; after it, everyone's count. Drawn at a constant
 * size on screen, at the top end corner of each element.
 */
export function BoardVoteBadges({ elements, voting, zoom }: { elements: BoardElement[]; voting: BoardVoting; zoom: number }) {
  const counts = voting.round?.status === "OPEN" ? voting.myDots : Object.fromEntries((voting.results ?? []).map((result) => [result.elementId, result.count]));
  const scale = 1 / zoom;
  const open = voting.round?.status === "OPEN";
  return (
    <g className="board-votes" aria-hidden="true" pointerEvents="none">
      {elements.map((element) => {
        const count = counts[element.id] ?? 0;
        if (count <= 0) return null;
        return (
          <g key={element.id} transform={`translate(${element.x + element.w} ${element.y}) scale(${scale})`} data-votes-for={element.id}>
            <circle r={14} fill={open ? "#1a56db" : "#a4401c"} stroke="#fff" strokeWidth={2} />
            <text textAnchor="middle" direction="ltr" y={5} fontSize={14} fontWeight={700} fill="#fff">
              {count}
            </text>
          </g>
        );
      })}
    </g>
  );
}
