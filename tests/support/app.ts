import { afterAll, beforeAll } from "vitest";
import { createServer, loadServerBuild, type RunningServer, type ServerConfig } from "../../realtime/server";

/** What a test file may tune in the server it starts, e.g. a short live heartbeat so it need not wait long. */
export type AppOptions = Pick<ServerConfig, "live">;

/** The whole server (built Remix app) on a free port, for integration and browser tests. */
export async function startApp(options: AppOptions = {}): Promise<RunningServer> {
  return createServer({ port: 0, host: "127.0.0.1", build: await loadServerBuild(), mode: "production", ...options });
}

/** A value that a `beforeAll` hook provides: reading it before the hook ran (at collection time) is a mistake. */
export function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is only there inside tests and hooks, once started`);
  return value;
}

/**
 * The whole server for the tests of one file (or one `describe`): started before them, closed after them. The
 * hooks registered before this call run before the server starts and after it has closed (vitest runs `afterAll`
 * hooks in reverse order), so a file can first prepare the data or the environment the server reads.
 */
export function useApp(options: AppOptions = {}) {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startApp(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      return started(server, "The app").url;
    },
  };
}

/**
 * A tiny HTTP client that keeps cookies like a browser and never follows redirects, so tests can assert where
 * a response sends people.
 */
export class HttpClient {
  private cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string, private readonly defaultHeaders: Record<string, string> = {}) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.defaultHeaders, ...(init.headers as Record<string, string> | undefined) });
    if (this.cookies.size > 0) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...value] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
    return response;
  }

  /** The cookies as a browser would send them, e.g. for a socket.io handshake. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request(path, { headers });
  }

  /** Submits a form the way a browser without JavaScript does. */
  post(path: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    return this.request(path, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  }

  async signIn(email: string, password: string) {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302) throw new Error(`sign-in as ${email} failed with ${response.status}`);
    return response;
  }
}
