import { getEnv, type Env } from "~/env.server";

export interface LiveKitConfig {
  /** The LiveKit server browsers connect to (ws/wss), also the base of its HTTP API. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** LiveKit's settings, or null when video is not set up (the rest of the app works without it). */
export function getLiveKitConfig(env: Env = getEnv()): LiveKitConfig | null {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = env;
  // parseEnv already refused a partial configuration.
  return url && apiKey && apiSecret ? { url, apiKey, apiSecret } : null;
}
