import { z } from "zod";
import type { LiveAck } from "~/live/protocol";
import type { LiveContext } from "./context";
import { LiveError } from "./errors";

/** One socket event: its name (`domain:verb`), the shape its payload must have, and what it does. */
export interface LiveHandler<S extends z.ZodType = z.ZodType> {
  event: string;
  schema: S;
  handle(ctx: LiveContext, payload: z.output<S>): Promise<unknown>;
}

export function defineHandler<S extends z.ZodType>(handler: LiveHandler<S>): LiveHandler {
  return handler as unknown as LiveHandler;
}

/**
 * Wires handlers to a connection. Every event is rate limited per person, validated before anything else, and
 * always acknowledged — `{ ok: true, data }` or `{ ok: false, error }` — so a client never waits on a silent server
 * and a bad message never reaches the handler.
 */
export function attachHandlers(ctx: LiveContext, handlers: LiveHandler[]) {
  for (const handler of handlers) {
    ctx.socket.on(handler.event as never, (async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === "function" ? (ack as (answer: LiveAck) => void) : () => {};
      if (!ctx.limiter.take(ctx.socket.data.user.id)) return reply({ ok: false, error: "rateLimited" });
      const parsed = handler.schema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: "invalidPayload" });
      try {
        reply({ ok: true, data: (await handler.handle(ctx, parsed.data)) ?? null });
      } catch (error) {
        if (error instanceof LiveError) return reply({ ok: false, error: error.code });
        console.error(`live: ${handler.event} failed:`, error);
        reply({ ok: false, error: "internal" });
      }
    }) as never);
  }
}

/** For events that carry nothing: a client may send nothing, null, or an empty object. */
export const noPayload = z.union([z.undefined(), z.null(), z.object({}).strict()]);
