import { z } from "zod";
import { normalizePollFields, pollOptionsProblem, POLL_KINDS, POLL_LIMITS, type PollsSnapshot, type PollView } from "~/live/polls";
import type { RoomKey } from "~/live/protocol";
import { castVote, createRoomPoll, getRoomPoll, listMyVotes, listRoomPolls, setPollStatus } from "~/models/live/polls.server";
import { Coalescer } from "./coalesce";
import { requireFacilitator, requireParticipant, type LiveServer } from "./context";
import { refuse } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler } from "./handler";
import { channels } from "./rooms";

const pollId = z.object({ pollId: z.string().min(1).max(64) });

const createSchema = z
  .object({
    question: z.string().trim().min(1).max(POLL_LIMITS.questionMax),
    kind: z.enum(POLL_KINDS),
    options: z.array(z.string().trim().min(1).max(POLL_LIMITS.optionMax)).max(POLL_LIMITS.optionsMax).default([]),
    scaleMax: z.number().int().min(POLL_LIMITS.scaleMin).max(POLL_LIMITS.scaleMax).optional(),
    anonymous: z.boolean().default(false),
    openNow: z.boolean(),
  })
  .refine((poll) => pollOptionsProblem(poll.kind, poll.options) === null);

const voteSchema = pollId.extend({
  choices: z.array(z.number().int().min(0).max(POLL_LIMITS.scaleMax)).max(POLL_LIMITS.optionsMax).optional(),
  text: z.string().max(POLL_LIMITS.answerMax * 2).optional(),
});

// At most four result updates a second per poll, however fast votes come in.
const RESULTS_INTERVAL_MS = 250;
const coalescer = new Coalescer(RESULTS_INTERVAL_MS, (error) => console.error("live: poll update failed:", error));

/** The poll as it is now, to the room (or, while it is only prepared, to the room's facilitators). */
function emitPoll(io: LiveServer, workshopId: string, poll: PollView) {
  const channel = poll.status === "DRAFT" ? channels.roomFacilitators(workshopId, poll.room) : channels.room(workshopId, poll.room);
  io.to(channel).emit("poll:updated" as never, { poll } as never);
}

function sendLatest(io: LiveServer, workshopId: string, room: RoomKey, id: string) {
  return async () => {
    const poll = await getRoomPoll({ workshopId, room, pollId: id });
    if (poll) emitPoll(io, workshopId, poll);
  };
}

const create = defineHandler({
  event: "poll:create",
  schema: createSchema,
  async handle(ctx, { openNow, ...fields }) {
    const { workshopId, room, self } = requireFacilitator(ctx);
    const poll = await createRoomPoll({ workshopId, room, createdById: self.userId, fields: normalizePollFields(fields), open: openNow });
    await coalescer.now(poll.id, async () => emitPoll(ctx.io, workshopId, poll));
    return { poll };
  },
});

function statusHandler(event: string, status: "OPEN" | "CLOSED") {
  return defineHandler({
    event,
    schema: pollId,
    async handle(ctx, { pollId: id }) {
      const { workshopId, room } = requireFacilitator(ctx);
      const change = await setPollStatus({ workshopId, room, pollId: id, status });
      if (change === "notFound") refuse("notFound");
      if (change === "notOpened") refuse("invalidPayload");
      await coalescer.now(id, sendLatest(ctx.io, workshopId, room, id));
      return { poll: (await getRoomPoll({ workshopId, room, pollId: id })) ?? refuse("notFound") };
    },
  });
}

const vote = defineHandler({
  event: "poll:vote",
  schema: voteSchema,
  async handle(ctx, { pollId: id, choices, text }) {
    const { workshopId, room, self } = requireParticipant(ctx);
    const outcome = await castVote({ workshopId, room, pollId: id, userId: self.userId, choices, text });
    if (!outcome.ok) refuse(outcome.reason === "invalid" ? "invalidPayload" : outcome.reason);
    coalescer.soon(id, sendLatest(ctx.io, workshopId, room, id));
    return outcome.ok ? { vote: outcome.vote } : null;
  },
});

/** Polls: created live or prepared on the agenda, opened and closed by facilitators, answered by participants. */
export const pollsFeature: LiveFeature = {
  name: "polls",
  handlers: [create, statusHandler("poll:open", "OPEN"), statusHandler("poll:close", "CLOSED"), vote],
  async snapshot({ workshopId, room, self }): Promise<PollsSnapshot> {
    const [polls, myVotes] = await Promise.all([
      listRoomPolls({ workshopId, room, includeDrafts: self.isFacilitator }),
      listMyVotes({ workshopId, room, userId: self.userId }),
    ]);
    return { polls, myVotes };
  },
};
