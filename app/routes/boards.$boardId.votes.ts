import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { mayManageBoards } from "~/boards/permissions";
import { VOTING_REFUSALS, votingActionSchema, votingErrorKey, type VotingAction } from "~/boards/voting";
import { castVote, closeVoteRound, getVotingState, retractVote, startVoteRound, type VotingChange } from "~/models/board-votes.server";
import { boardRefusal, findBoardAccess, requireBoard, type FoundBoard } from "~/models/boards.server";
import { parseForm } from "~/utils/forms";

/**
 * A board's dot-voting state for the signed-in person, and the changes they may make to it. Answers are JSON for the
 * board page's script: `{ ok: true, state }`, or `{ ok: false, error, values? }` where `error` is an i18n key
 * (with its values) and nothing was changed. After each change every client with the board open is told to fetch
 * the state again (app/boards/protocol.ts, VOTING_CHANGED).
 */

// Who voted for what: never kept by a shared cache.
const PRIVATE = { "Cache-Control": "private, no-store" };

const stateFor = (found: FoundBoard, userId: string) =>
  getVotingState({ boardId: found.board.id, userId, canManage: mayManageBoards(found.access, found.board.sessionId) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await requireBoard({ boardId: params.boardId ?? "", userId: user.id, need: "view" });
  return json(await stateFor(found, user.id), { headers: PRIVATE });
}

function refused(status: number, error: string, values?: Record<string, unknown>) {
  return json({ ok: false as const, error, ...(values ? { values } : {}) }, { status, headers: PRIVATE });
}

function change(found: FoundBoard, actorId: string, request: VotingAction): Promise<VotingChange> {
  switch (request.intent) {
    case "start":
      return startVoteRound({ found, actorId, question: request.question, dotsPerPerson: request.dotsPerPerson, anonymous: request.anonymous });
    case "close":
      return closeVoteRound({ found, actorId, roundId: request.roundId });
    case "cast":
      return castVote({ found, voterId: actorId, roundId: request.roundId, elementId: request.elementId });
    case "retract":
      return retractVote({ found, voterId: actorId, roundId: request.roundId, elementId: request.elementId });
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Answered, not thrown: the board page stays as it is and shows the message.
  const found = await findBoardAccess({ boardId: params.boardId ?? "", userId: user.id });
  const hidden = boardRefusal(found, "view");
  // Someone outside the workshop learns no more than that this board is not theirs to vote on.
  if (hidden || !found) return refused(VOTING_REFUSALS[hidden ?? "notFound"], votingErrorKey("notFound"));

  const form = parseForm(votingActionSchema, await request.formData());
  if (!form.ok) {
    const [first] = Object.values(form.errors);
    return refused(400, first.key, first.values);
  }
  const result = await change(found, user.id, form.data);
  if (!result.ok) return refused(VOTING_REFUSALS[result.reason], votingErrorKey(result.reason));
  context.boards.votingChanged(found.board.id);
  return json({ ok: true as const, state: await stateFor(found, user.id) }, { headers: PRIVATE });
}
