import { getEnv } from "~/env.server";

/**
 * The address people use to reach Majlis, for links and QR codes that leave the page (a phone scanning the room's
 * screen must get an address it can open). PUBLIC_URL wins; otherwise the request's own origin. Forwarded
 * headers are only believed behind a proxy we were told to trust: anyone can send them.
 */
export function publicOrigin(request: Request): string {
  const env = getEnv();
  if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).origin;
  const url = new URL(request.url);
  if (env.TRUST_PROXY) {
    const host = firstValue(request.headers.get("X-Forwarded-Host"));
    const proto = firstValue(request.headers.get("X-Forwarded-Proto"));
    if (host) return `${proto === "https" || proto === "http" ? proto : url.protocol.slice(0, -1)}://${host}`;
    if (proto === "https" || proto === "http") return `${proto}://${url.host}`;
  }
  return url.origin;
}

/** A proxy chain lists one value per hop; the first is what the browser used. */
function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value && /^[\w.\-:[\]]+$/.test(value) ? value : undefined;
}

export function absoluteUrl(request: Request, path: string): string {
  return new URL(path, publicOrigin(request)).toString();
}
