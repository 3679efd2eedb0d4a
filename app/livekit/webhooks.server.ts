import { WebhookReceiver, type WebhookEvent } from "livekit-server-sdk";
import type { LiveKitConfig } from "./config.server";

/**
 * A webhook LiveKit really sent, or null. LiveKit signs each delivery with a short-lived token of our API key that
 * carries the SHA-256 of the body: a wrong key, a changed body or an expired token are all refused.
 */
export async function receiveWebhook({
  config,
  body,
  authorization,
}: {
  config: LiveKitConfig;
  body: string;
  authorization: string | null;
}): Promise<WebhookEvent | null> {
  if (!authorization) return null;
  try {
    return await new WebhookReceiver(config.apiKey, config.apiSecret).receive(body, authorization);
  } catch {
    return null;
  }
}
