import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "~/env.server";

let secret: string | undefined;

/**
 * SESSION_SECRET signs the session cookie. Without it, a secret is generated once and kept in DATA_DIR so that
 * sessions survive restarts; several nodes behind a load balancer must share an explicit SESSION_SECRET.
 */
export function sessionSecret(): string {
  if (secret) return secret;
  const env = getEnv();
  if (env.SESSION_SECRET) return (secret = env.SESSION_SECRET);
  const file = path.join(env.dataDir, "session-secret");
  if (!existsSync(file)) {
    mkdirSync(env.dataDir, { recursive: true, mode: 0o755 });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return (secret = readFileSync(file, "utf8").trim());
}
