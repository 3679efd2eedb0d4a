import type { JoinedRoom, LiveServer } from "./context";
import type { LiveHandler } from "./handler";

/**
 * A live feature (chat, Q&A, polls…): its socket events, and its part of the state a person receives when they
 * join or re-join a room (so a dropped connection catches up on everything it missed in one answer).
 */
export interface LiveFeature {
  name: string;
  handlers: LiveHandler[];
  snapshot?(joined: JoinedRoom): Promise<unknown>;
  /** Called when a connection leaves a room (disconnect or moving on), e.g. to lower a raised hand. */
  onLeave?(io: LiveServer, left: { workshopId: string; room: string; userId: string }): Promise<void>;
}
