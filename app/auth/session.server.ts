import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { getEnv } from "~/env.server";
import { sessionSecret } from "./session-secret.server";

const SESSION_DAYS = 30;
const SESSION_KEY = "loginSessionId" as const;

let storage: ReturnType<typeof createCookieSessionStorage<{ [SESSION_KEY]: string }>> | undefined;

/** The cookie carries only the id of a LoginSession row: deleting the row signs that device out. */
function sessionStorage() {
  const env = getEnv();
  storage ??= createCookieSessionStorage<{ [SESSION_KEY]: string }>({
    cookie: {
      name: "majlis_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      // Secure when the public address is HTTPS; SECURE_COOKIES overrides for TLS terminated by a proxy.
      secure: env.SECURE_COOKIES ?? Boolean(env.PUBLIC_URL?.startsWith("https:")),
      secrets: [sessionSecret()],
      maxAge: SESSION_DAYS * 24 * 3600,
    },
  });
  return storage;
}

function cookieSession(request: Request) {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
  locale: string | null;
  /** The institution the person belongs to, which decides what they read beyond workshops (app/peers/visibility.ts). */
  organisationId: string | null;
  organisationAdmin: boolean;
  platformModerator: boolean;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const session = await cookieSession(request);
  const loginSessionId = session.get(SESSION_KEY);
  if (typeof loginSessionId !== "string") return null;
  const loginSession = await getDb().loginSession.findUnique({
    where: { id: loginSessionId },
    select: {
      expiresAt: true,
      user: {
        select: { id: true, name: true, email: true, locale: true, organisationId: true, organisationAdmin: true, platformModerator: true },
      },
    },
  });
  if (!loginSession || loginSession.expiresAt < new Date()) return null;
  return loginSession.user;
}

/** The signed-in user, or a redirect to /login that brings them back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return user;
}

/** Opens a login session for the user and returns the Set-Cookie header that carries it. */
export async function startLoginSession(request: Request, userId: string): Promise<string> {
  const loginSession = await getDb().loginSession.create({
    data: { userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000) },
  });
  const session = await cookieSession(request);
  session.set(SESSION_KEY, loginSession.id);
  return sessionStorage().commitSession(session);
}

export async function endLoginSession(request: Request): Promise<string> {
  const session = await cookieSession(request);
  const loginSessionId = session.get(SESSION_KEY);
  if (typeof loginSessionId === "string") {
    await getDb().loginSession.deleteMany({ where: { id: loginSessionId } });
  }
  return sessionStorage().destroySession(session);
}

/** Only same-site paths: an open redirect would let a phishing link borrow our domain. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
