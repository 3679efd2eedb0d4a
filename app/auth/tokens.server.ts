import { createHash, randomBytes } from "node:crypto";

/** A random secret for a link (reset, invitation, check-in); only its hash is stored when it grants access. */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
