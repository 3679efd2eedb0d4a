import { z } from "zod";
import { getUser } from "~/auth/session.server";
import { resolveCallAccess } from "~/models/call.server";
import { getLiveKitConfig } from "./config.server";
import { callError } from "./responses.server";

const id = z.string().trim().min(1).max(64);
const addressSchema = z.object({ sessionId: id, workshopId: id.optional() });

/**
 * The first steps of every call route, each refusal a JSON error: video set up (503), signed in (401), a well-formed
 * address (400) of a room that exists (404) and that this user may join (403). The room comes from the query
 * string: `sessionId=<session id>`, or `sessionId=plenary&workshopId=<workshop id>`.
 */
export async function requireCallRoom(request: Request) {
  const config = getLiveKitConfig();
  if (!config) callError("notConfigured");
  const user = await getUser(request);
  if (!user) callError("unauthenticated");
  const params = new URL(request.url).searchParams;
  const address = addressSchema.safeParse({ sessionId: params.get("sessionId") ?? undefined, workshopId: params.get("workshopId") || undefined });
  if (!address.success) callError("invalidRequest");
  const outcome = await resolveCallAccess({ ...address.data, workshopId: address.data.workshopId ?? null, userId: user.id });
  if (!outcome.ok) callError(outcome.reason);
  return { config, user, access: outcome.access };
}
