import { useTranslation } from "react-i18next";
import type { Awareness } from "y-protocols/awareness";
import { useBoardPeers } from "./use-board-peers";

/** Who else has this board open, with the colour of their cursor. */
export function BoardPresence({ awareness, selfId }: { awareness: Awareness; selfId: string }) {
  const { t } = useTranslation("boardEditor");
  const peers = useBoardPeers(awareness).filter((peer) => peer.user.id !== selfId);
  // One entry per person, however many tabs or devices they have open.
  const people = [...new Map(peers.map((peer) => [peer.user.id, peer])).values()];
  return (
    <div className="board-presence">
      <span className="visually-hidden">{t("presence.label", { count: people.length })}</span>
      <ul aria-label={t("presence.list")}>
        {people.map((peer) => (
          <li key={peer.user.id} title={peer.user.name} style={{ backgroundColor: peer.colour }} dir="auto">
            <span aria-hidden="true">{initials(peer.user.name)}</span>
            <span className="visually-hidden">{peer.user.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? "")
    .join("");
}
