import { json } from "@remix-run/node";
import type { CallErrorAnswer, CallErrorCode } from "~/call/protocol";

/** Plain messages for API clients and logs; the call panel shows its own translation of the code. */
const MESSAGES: Record<CallErrorCode, string> = {
  notConfigured:
    "Video is not set up on this server: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET (README, \"Video (LiveKit)\").",
  unauthenticated: "Sign in first.",
  forbidden: "You may not do this in this room's call.",
  notFound: "No such session or participant.",
  removed: "A facilitator removed you from this room's call.",
  invalidRequest: "This request is not valid.",
  invalidSignature: "The webhook's signature is missing, wrong or expired.",
  notRemovable: "A facilitator of this room cannot be removed from its call.",
  recordingActive: "This room is already being recorded.",
  recordingUnavailable: "Recording is not available: LiveKit egress did not start.",
  unavailable: "The video server did not answer.",
  network: "No answer from the server.",
};

const STATUS: Record<CallErrorCode, number> = {
  notConfigured: 503,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  removed: 403,
  invalidRequest: 400,
  invalidSignature: 401,
  notRemovable: 400,
  recordingActive: 409,
  recordingUnavailable: 502,
  unavailable: 502,
  network: 502,
};

export const NO_STORE = { "Cache-Control": "private, no-store" };

/** Ends the request with a JSON error that says what went wrong. */
export function callError(code: CallErrorCode): never {
  throw json<CallErrorAnswer>({ error: code, message: MESSAGES[code] }, { status: STATUS[code], headers: NO_STORE });
}
