import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { BoardAwarenessState } from "~/boards/protocol";

export interface BoardPeer {
  clientId: number;
  user: BoardAwarenessState["user"];
  cursor: { x: number; y: number } | null;
  selection: string[];
  colour: string;
}

/** Dark enough for white initials and for a cursor on any note colour. */
const PEER_COLOURS = ["#b3261e", "#1a56db", "#0b5d4b", "#7b2cbf", "#a4401c", "#00639b", "#8a3b00", "#5b4a00"];

export function peerColour(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PEER_COLOURS[hash % PEER_COLOURS.length];
}

function isPoint(value: unknown): value is { x: number; y: number } {
  return typeof value === "object" && value !== null && Number.isFinite((value as { x: unknown }).x) && Number.isFinite((value as { y: unknown }).y);
}

/**
 * The other connections on the board. The server writes each one's `user` from its session; cursors and selections
 * come from clients and are checked before use.
 */
export function useBoardPeers(awareness: Awareness): BoardPeer[] {
  const [peers, setPeers] = useState<BoardPeer[]>([]);
  useEffect(() => {
    const read = () => {
      const next: BoardPeer[] = [];
      awareness.getStates().forEach((raw, clientId) => {
        if (clientId === awareness.clientID) return;
        const state = raw as Partial<BoardAwarenessState>;
        const user = state.user;
        if (!user || typeof user.id !== "string" || typeof user.name !== "string") return;
        next.push({
          clientId,
          user,
          cursor: isPoint(state.cursor) ? state.cursor : null,
          selection: Array.isArray(state.selection) ? state.selection.filter((id): id is string => typeof id === "string").slice(0, 200) : [],
          colour: peerColour(user.id),
        });
      });
      setPeers(next);
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [awareness]);
  return peers;
}
