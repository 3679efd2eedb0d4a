import { z } from "zod";
import { changeTimer, getRoomTimers, startTimer, stopTimer } from "~/models/live/timers.server";
import {
  extendedTimer,
  pausedTimer,
  resumedTimer,
  TIMER_MAX_MS,
  TIMER_MIN_MS,
  type TimerScope,
  type TimerState,
} from "~/live/timer-clock";
import type { TimerEvent, TimersState } from "~/live/tools-protocol";
import { requireFacilitator, type JoinedRoom, type LiveContext } from "./context";
import { refuse } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler } from "./handler";
import { notifyConsole } from "./presence-broadcast";
import { channels } from "./rooms";

const scope = z.enum(["room", "allSessions"]);

/** Facilitators run their room's timer; only organisers run the one every parallel session shares. */
function requireTimekeeper(ctx: LiveContext, timerScope: TimerScope): JoinedRoom {
  const joined = requireFacilitator(ctx);
  if (timerScope === "allSessions" && !joined.self.isOrganiser) refuse("forbidden");
  return joined;
}

/**
 * A room's timer goes to that room. The all-sessions timer goes to every room of the workshop, the plenary
 * included: during parallel sessions the plenary is where organisers steer from and where people not in a session
 * wait, and both need to know when the sessions end. A room's own running timer still takes precedence there.
 */
function publish(ctx: LiveContext, { workshopId, room }: JoinedRoom, event: TimerEvent): TimerEvent {
  const channel = event.scope === "allSessions" ? channels.workshop(workshopId) : channels.room(workshopId, room);
  ctx.io.to(channel).emit("timer:state" as never, event as never);
  notifyConsole(ctx.io, workshopId, room);
  return event;
}

const start = defineHandler({
  event: "timer:start",
  schema: z.object({ durationMs: z.number().int().min(TIMER_MIN_MS).max(TIMER_MAX_MS), scope }).strict(),
  async handle(ctx, { durationMs, scope: timerScope }) {
    const joined = requireTimekeeper(ctx, timerScope);
    const { workshopId, room, self } = joined;
    const timer = await startTimer({ workshopId, room, scope: timerScope, durationMs, startedById: self.userId });
    return publish(ctx, joined, { scope: timerScope, timer });
  },
});

function changeHandler<S extends z.ZodObject<{ scope: typeof scope }>>(
  event: string,
  schema: S,
  change: (payload: z.output<S>) => (timer: TimerState, now: number) => TimerState,
) {
  return defineHandler({
    event,
    schema,
    async handle(ctx, payload: z.output<S>) {
      const joined = requireTimekeeper(ctx, payload.scope);
      const { workshopId, room } = joined;
      const timer = await changeTimer({ workshopId, room, scope: payload.scope, change: change(payload) });
      return publish(ctx, joined, { scope: payload.scope, timer: timer ?? refuse("notFound") });
    },
  });
}

const scoped = z.object({ scope }).strict();
const pause = changeHandler("timer:pause", scoped, () => pausedTimer);
const resume = changeHandler("timer:resume", scoped, () => resumedTimer);
const extend = changeHandler(
  "timer:extend",
  z.object({ scope, ms: z.number().int().min(-TIMER_MAX_MS).max(TIMER_MAX_MS).refine((ms) => ms !== 0) }).strict(),
  ({ ms }) => (timer, now) => extendedTimer(timer, ms, now),
);

const stop = defineHandler({
  event: "timer:stop",
  schema: scoped,
  async handle(ctx, { scope: timerScope }) {
    const joined = requireTimekeeper(ctx, timerScope);
    if (!(await stopTimer({ workshopId: joined.workshopId, room: joined.room, scope: timerScope }))) refuse("notFound");
    return publish(ctx, joined, { scope: timerScope, timer: null });
  },
});

export const timersFeature: LiveFeature = {
  name: "timers",
  handlers: [start, pause, resume, extend, stop],
  snapshot: ({ workshopId, room }): Promise<TimersState> => getRoomTimers({ workshopId, room }),
};
