import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { ConnectionStatus } from "~/components/live/connection-status";
import { Countdown } from "~/components/live/countdown";
import { PollResults } from "~/components/live/poll-results";
import { QrCode } from "~/components/qr-code";
import { PLENARY } from "~/live/protocol";
import { groupQuestions } from "~/live/questions";
import { applicableTimer } from "~/live/timer-clock";
import { useLivePolls } from "~/live/use-live-polls";
import { useLiveQuestions } from "~/live/use-live-questions";
import { useLiveRoom } from "~/live/use-live-room";
import { useLiveTimers } from "~/live/use-live-timers";
import { requireCapability } from "~/models/access.server";
import { getLivePage } from "~/models/live/live-page.server";
import { resolveRoomSelf } from "~/models/live/room-access.server";
import { forbidden, notFound } from "~/utils/http.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { qrCodeSvg } from "~/utils/qr-code.server";

/** Shown full screen on the room's projector: no app header around it (see root.tsx). */
export const handle = { fullScreen: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

const TOP_QUESTIONS = 5;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const room = params.sessionId ?? PLENARY;
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.view" });
  const self = await resolveRoomSelf({ workshopId, room, userId: user.id });
  if (self === "notFound") notFound();
  // The screen is opened by the people running the room, on the laptop wired to the projector.
  if (self === "forbidden" || !self.isFacilitator) forbidden();
  const page = await getLivePage({ workshopId, room, userId: user.id });
  if (!page) notFound();
  const joinUrl = absoluteUrl(request, `/join/${page.workshop.joinCode}`);
  return json({ ...page, joinUrl, joinQrSvg: await qrCodeSvg(joinUrl) });
}

/** The room's projector: the join code, the countdown, the poll being answered and the most supported questions. */
export default function RoomScreenPage() {
  const { t } = useTranslation("live");
  const { workshop, room, joinUrl, joinQrSvg } = useLoaderData<typeof loader>();
  const live = useLiveRoom({ workshopId: workshop.id, room: room.key, display: true });
  const timers = useLiveTimers(live);
  const { polls } = useLivePolls(live);
  const { questions } = useLiveQuestions(live);
  const timer = applicableTimer(timers, live.serverNow());
  const poll = polls.find((candidate) => candidate.status === "OPEN") ?? null;
  const topQuestions = groupQuestions(questions.filter((question) => !question.hidden)).open.slice(0, TOP_QUESTIONS);
  return (
    <div className="room-screen">
      <header className="room-screen__header">
        <p className="room-screen__workshop" dir="auto">
          {workshop.title}
        </p>
        <h1 dir="auto">{room.key === PLENARY ? t("plenary") : room.title}</h1>
        <ConnectionStatus status={live.status} />
      </header>
      <section className="room-screen__join" aria-labelledby="screen-join-title">
        <h2 id="screen-join-title">{t("screen.join")}</h2>
        <QrCode svg={joinQrSvg} label={t("screen.joinQr")} />
        <p className="room-screen__code">{workshop.joinCode}</p>
        <p className="muted" dir="ltr">
          {joinUrl}
        </p>
      </section>
      <section className="room-screen__timer" aria-labelledby="screen-timer-title">
        <h2 id="screen-timer-title">{t("screen.timer")}</h2>
        {timer ? <Countdown timer={timer} serverNow={live.serverNow} size="large" /> : <p className="muted">{t("screen.noTimer")}</p>}
      </section>
      <section className="room-screen__poll" aria-labelledby="screen-poll-title">
        <h2 id="screen-poll-title">{t("screen.poll")}</h2>
        {poll ? (
          <>
            <p className="room-screen__question" dir="auto">
              {poll.question}
            </p>
            <PollResults poll={poll} large />
          </>
        ) : (
          <p className="muted">{t("screen.noPoll")}</p>
        )}
      </section>
      <section className="room-screen__questions" aria-labelledby="screen-questions-title">
        <h2 id="screen-questions-title">{t("screen.questions")}</h2>
        {topQuestions.length === 0 ? <p className="muted">{t("screen.noQuestions")}</p> : null}
        <ol>
          {topQuestions.map((question) => (
            <li key={question.id}>
              <span dir="auto">{question.body}</span> <span className="badge">{t("screen.votes", { count: question.votes })}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
