import { useGridLayout, usePagination, useSpeakingParticipants, type TrackReferenceOrPlaceholder } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CallTile } from "./call-tile";

const tileKey = (trackRef: TrackReferenceOrPlaceholder) => `${trackRef.participant.identity}:${trackRef.source}`;

/** Everyone side by side, as many per page as the space allows. */
export function CallGrid({ tracks }: { tracks: TrackReferenceOrPlaceholder[] }) {
  const { t } = useTranslation("call");
  const gridRef = useRef<HTMLDivElement>(null);
  const { layout } = useGridLayout(gridRef, tracks.length);
  const pages = usePagination(layout.maxTiles, tracks);
  return (
    <div className="call-grid-wrap">
      <div ref={gridRef} className="lk-grid-layout call-grid">
        {pages.tracks.map((trackRef) => (
          <CallTile key={tileKey(trackRef)} trackRef={trackRef} />
        ))}
      </div>
      {pages.totalPageCount > 1 ? (
        <div className="call-pages">
          <button type="button" className="button button--quiet" onClick={pages.prevPage} disabled={pages.currentPage <= 1}>
            {t("views.previous")}
          </button>
          <span>{t("views.page", { page: pages.currentPage, count: pages.totalPageCount })}</span>
          <button type="button" className="button button--quiet" onClick={pages.nextPage} disabled={pages.currentPage >= pages.totalPageCount}>
            {t("views.next")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * One large tile: a shared screen when there is one, otherwise whoever speaks (the last one who did, between two
 * speakers); everyone else in a strip.
 */
export function CallSpeaker({ tracks }: { tracks: TrackReferenceOrPlaceholder[] }) {
  const speaking = useSpeakingParticipants();
  const [lastSpeaker, setLastSpeaker] = useState<string | null>(null);
  const speakerIdentity = speaking.find((participant) => !participant.isLocal)?.identity ?? null;
  useEffect(() => {
    if (speakerIdentity) setLastSpeaker(speakerIdentity);
  }, [speakerIdentity]);

  const screen = tracks.find((trackRef) => trackRef.source === Track.Source.ScreenShare);
  const focus =
    screen ??
    tracks.find((trackRef) => trackRef.participant.identity === lastSpeaker && trackRef.source === Track.Source.Camera) ??
    tracks.find((trackRef) => !trackRef.participant.isLocal) ??
    tracks[0];
  if (!focus) return null;
  const others = tracks.filter((trackRef) => trackRef !== focus);
  return (
    <div className="call-speaker">
      <CallTile trackRef={focus} className="call-tile--focus" />
      {others.length > 0 ? (
        <div className="call-speaker__strip">
          {others.map((trackRef) => (
            <CallTile key={tileKey(trackRef)} trackRef={trackRef} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
