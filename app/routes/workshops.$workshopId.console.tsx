import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { ConsoleBroadcastForm } from "~/components/live/console-broadcast-form";
import { ConsoleRoomCard } from "~/components/live/console-room-card";
import { ConsoleStageControl } from "~/components/live/console-stage-control";
import { ConsoleTimerForm } from "~/components/live/console-timer-form";
import { ConnectionStatus } from "~/components/live/connection-status";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { PLENARY } from "~/live/protocol";
import { useLiveRoom, type LiveRoom } from "~/live/use-live-room";
import { requireCapability } from "~/models/access.server";
import type { ConsoleSummary } from "~/models/live/console.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "live.console" });
  const workshop = await getWorkshop({ workshopId });
  if (!workshop) notFound();
  return json({ workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone } });
}

// A burst of changes (twenty people joining at once) costs the server at most two summaries a second.
const REFRESH_INTERVAL_MS = 500;

/**
 * The summary of every room, fetched after each (re)join and again whenever the server says something changed,
 * at most every REFRESH_INTERVAL_MS: the last change of a burst is always fetched, the ones between are merged.
 */
function useConsoleSummary(live: LiveRoom) {
  const [summary, setSummary] = useState<ConsoleSummary | null>(null);
  const { joinVersion, request, on } = live;
  useEffect(() => {
    if (joinVersion === 0) return;
    let disposed = false;
    let lastFetch = 0;
    let scheduled: ReturnType<typeof setTimeout> | undefined;
    const fetchSummary = async () => {
      lastFetch = Date.now();
      const answer = await request<ConsoleSummary>("console:summary");
      if (!disposed && answer.ok) setSummary(answer.data);
    };
    const schedule = () => {
      if (scheduled) return;
      scheduled = setTimeout(
        () => {
          scheduled = undefined;
          void fetchSummary();
        },
        Math.max(0, lastFetch + REFRESH_INTERVAL_MS - Date.now()),
      );
    };
    void fetchSummary();
    const stopListening = on("console:changed", schedule);
    return () => {
      disposed = true;
      stopListening();
      clearTimeout(scheduled);
    };
  }, [joinVersion, request, on]);
  return summary;
}

export default function ConsolePage() {
  const { t } = useTranslation("console");
  const { workshop } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const live = useLiveRoom({ workshopId: workshop.id, room: PLENARY, followNavigation: false });
  const summary = useConsoleSummary(live);
  const rooms = (summary?.rooms ?? []).map((room) => ({ key: room.key, label: room.key === PLENARY ? t("plenary") : (room.title ?? "") }));
  return (
    <div className="stack console">
      <WorkshopHeader workshop={workshop} isOrganiser />
      <div className="console__top">
        <div>
          <h2>{t("title")}</h2>
          <p className="muted">{t("intro")}</p>
        </div>
        <ConnectionStatus status={live.status} />
      </div>
      <noscript>
        <p className="alert alert--info">{t("needsScript")}</p>
      </noscript>
      {live.error ? (
        <p className="alert alert--error" role="alert">
          {t(`live:errors.${live.error}`)}
        </p>
      ) : null}
      {summary ? (
        <>
          <div className="console-actions">
            <ConsoleStageControl live={live} stage={summary.stage} />
            <ConsoleBroadcastForm live={live} />
            <ConsoleTimerForm live={live} timer={summary.allSessionsTimer} />
          </div>
          <section className="console-rooms" aria-labelledby="console-rooms-title">
            <h2 id="console-rooms-title" className="visually-hidden">
              {t("rooms.label")}
            </h2>
            {summary.rooms.map((room) => (
              <ConsoleRoomCard key={room.key} live={live} workshopId={workshop.id} room={room} rooms={rooms} timeZone={workshop.timezone} language={language} />
            ))}
          </section>
        </>
      ) : (
        <p className="muted" role="status">
          {t("loading")}
        </p>
      )}
    </div>
  );
}
