import { getUser } from "~/auth/session.server";
import type { LiveSocket } from "./context";

/**
 * Handshake check: the same session cookie as the pages. A connection without a valid session is refused before
 * any event can reach a handler; the client sees `connect_error` with the message "unauthenticated".
 */
export async function authenticate(socket: LiveSocket, next: (error?: Error) => void) {
  try {
    const cookie = socket.request.headers.cookie ?? "";
    const user = await getUser(new Request("http://live.invalid/", { headers: { Cookie: cookie } }));
    if (!user) return next(new Error("unauthenticated"));
    socket.data.user = user;
    next();
  } catch (error) {
    console.error("live: handshake failed:", error);
    next(new Error("internal"));
  }
}

/** Browsers must come from our own pages (the cookie would otherwise be sent by any site's script). */
export function isSameOrigin(origin: string | undefined, host: string | undefined, publicUrl?: string): boolean {
  if (!origin) return true; // Not a browser: nothing of ours is at risk of being borrowed.
  try {
    const originUrl = new URL(origin);
    if (publicUrl && originUrl.origin === new URL(publicUrl).origin) return true;
    return originUrl.host === host;
  } catch {
    return false;
  }
}
