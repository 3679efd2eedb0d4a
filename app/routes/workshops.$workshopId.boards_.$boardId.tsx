import livekitStylesUrl from "@livekit/components-styles/index.css";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { mayManageBoards } from "~/boards/permissions";
import { BoardCanvas } from "~/components/board/board-canvas";
import { BoardViewSwitch, type BoardView } from "~/components/board/board-view-switch";
import { CallPanel } from "~/components/call/call-panel";
import { BoardOutline } from "~/components/board/board-outline";
import { BoardPresence } from "~/components/board/board-presence";
import { BoardStatus } from "~/components/board/board-status";
import { useBoardConnection } from "~/components/board/use-board-connection";
import { useBoardElements } from "~/components/board/use-board-elements";
import { useBoardVoting } from "~/components/board/use-board-voting";
import { VotingPanel } from "~/components/board/voting-panel";
import { listBoardMemberNames, requireBoard, getBoardSessionTitle } from "~/models/boards.server";
import { callPanelData } from "~/models/call.server";
import { getWorkshop } from "~/models/workshop.server";
import { mayRecommendInSession } from "~/models/recommendations.server";
import { notFound } from "~/utils/http.server";

export const handle = { fullScreen: true };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: livekitStylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.board.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { board, access, permission } = await requireBoard({ boardId: params.boardId ?? "", userId: user.id, need: "view" });
  if (board.workshopId !== params.workshopId) notFound();
  const [sessionTitle, memberNames, mayRecommend, call, workshop] = await Promise.all([
    getBoardSessionTitle({ workshopId: board.workshopId, sessionId: board.sessionId }),
    listBoardMemberNames({ workshopId: board.workshopId }),
    mayRecommendInSession({ workshopId: board.workshopId, sessionId: board.sessionId, access }),
    // The session's video call can sit beside its board.
    callPanelData({ workshopId: board.workshopId, room: board.sessionId, userId: user.id }),
    getWorkshop({ workshopId: board.workshopId }),
  ]);
  return json({
    board: { id: board.id, title: board.title, workshopId: board.workshopId, sessionId: board.sessionId },
    sessionTitle,
    user: { id: user.id, name: user.name },
    readOnly: permission !== "edit",
    canManage: mayManageBoards(access, board.sessionId),
    memberNames: Object.fromEntries(memberNames),
    call,
    timeZone: workshop?.timezone ?? "Africa/Casablanca",
    newRecommendationPath: mayRecommend ? `/workshops/${board.workshopId}/recommendations/new?${new URLSearchParams({ boardId: board.id })}` : null,
  });
}

export default function BoardPage() {
  const { t } = useTranslation("boardEditor");
  const { board, sessionTitle, user, readOnly, memberNames, newRecommendationPath, call, timeZone } = useLoaderData<typeof loader>();
  const connection = useBoardConnection(board.id);
  const elements = useBoardElements(connection.doc);
  // The origin of this page's own changes: the undo manager takes back these only.
  const origin = useMemo(() => ({ boardPage: board.id }), [board.id]);
  const [view, setView] = useState<BoardView>("canvas");
  const voting = useBoardVoting({ boardId: board.id, subscribe: connection.subscribeVotingChanged });
  const [votingShown, setVotingShown] = useState(false);
  const [videoShown, setVideoShown] = useState(false);
  const [videoStarted, setVideoStarted] = useState(false);
  const votingOpen = voting.round?.status === "OPEN";
  const editable = !readOnly && connection.state.loaded && !connection.state.stopped;

  return (
    <div className="board-page">
      <header className="board-bar">
        <Link to={`/workshops/${board.workshopId}/boards`} className="board-bar__back">
          {t("back")}
        </Link>
        <div className="board-bar__title">
          <h1 dir="auto">{board.title}</h1>
          {sessionTitle ? (
            <p className="muted" dir="auto">
              {sessionTitle}
            </p>
          ) : null}
        </div>
        <BoardStatus state={connection.state} readOnly={readOnly} onRetry={connection.reconnect} />
        {connection.provider ? <BoardPresence awareness={connection.provider.awareness} selfId={user.id} /> : null}
        {votingOpen && editable ? (
          <p className="board-bar__dots" aria-live="polite">
            {t("panel.dotsLeft", { count: voting.dotsLeft })}
            {/* Refusals show here too: on a phone the panel is closed while people vote on the canvas. */}
            {voting.error ? <span className="board-bar__error"> — {voting.error}</span> : null}
          </p>
        ) : null}
        <button type="button" className="button button--quiet board-bar__voting" aria-expanded={votingShown} onClick={() => setVotingShown((shown) => !shown)}>
          {votingShown ? t("panel.hide") : t("panel.show")}
        </button>
        {call.configured ? (
          <button
            type="button"
            className="button button--quiet"
            aria-expanded={videoShown}
            onClick={() => {
              setVideoStarted(true);
              setVideoShown((shown) => !shown);
            }}
          >
            {videoShown ? t("panel.hideVideo") : t("panel.showVideo")}
          </button>
        ) : null}
        <BoardViewSwitch view={view} onChange={setView} />
      </header>
      <div className="board-body">
        <div className="board-main" hidden={view !== "canvas"}>
          <BoardCanvas
            boardId={board.id}
            voting={voting}
            doc={connection.doc}
            elements={elements}
            awareness={connection.provider?.awareness ?? null}
            origin={origin}
            user={user}
            authorNames={memberNames}
            editable={editable}
            boardTitle={board.title}
            recommendations={{ newPath: newRecommendationPath }}
          />
        </div>
        <div className="board-main board-main--outline" hidden={view !== "outline"}>
          <BoardOutline doc={connection.doc} elements={elements} editable={editable} user={user} authorNames={memberNames} origin={origin} voting={voting} />
        </div>
        {/* A running round opens the panel beside the canvas; on a phone, where it would cover the notes to vote on, it
            opens only when asked, and the bar says how many dots are left. */}
        <aside className="board-side" aria-label={t("panel.label")} data-open={votingShown || videoShown ? "true" : "false"} data-round-open={votingOpen ? "true" : "false"}>
          {/* Mounted once shown, then kept: folding the panel must not hang up the call. */}
          {call.configured && videoStarted ? (
            <div hidden={!videoShown}>
              <CallPanel workshopId={board.workshopId} room={board.sessionId} timeZone={timeZone} call={call} />
            </div>
          ) : null}
          <section aria-labelledby="board-voting-title" hidden={!votingShown && !votingOpen}>
            <h2 id="board-voting-title">{t("panel.voting")}</h2>
            <VotingPanel voting={voting} elements={elements} readOnly={!editable} />
          </section>
        </aside>
      </div>
    </div>
  );
}
