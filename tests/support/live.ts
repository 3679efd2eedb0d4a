import { io, type Socket } from "socket.io-client";
import { afterEach, beforeAll } from "vitest";
import type { LiveAck, RoomKey, RoomSnapshot } from "~/live/protocol";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { HttpClient, started, useApp, type AppOptions } from "./app";
import { seedDemo } from "./demo";

/** A real socket.io client, signed in as a person, the way the browser's live page connects. */
export class LiveClient {
  readonly events: Array<{ event: string; payload: unknown }> = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
  }

  static async connect(baseUrl: string, cookie: string, options: { reconnection?: boolean } = {}): Promise<LiveClient> {
    const socket = io(baseUrl, {
      path: "/socket.io",
      transports: ["websocket"],
      extraHeaders: cookie ? { Cookie: cookie } : {},
      reconnection: options.reconnection ?? false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (error) => reject(error));
    });
    return new LiveClient(socket);
  }

  static async signedIn(baseUrl: string, email: string, password = DEMO_PASSWORD) {
    const http = new HttpClient(baseUrl);
    await http.signIn(email, password);
    return LiveClient.connect(baseUrl, http.cookieHeader());
  }

  request<T = unknown>(event: string, payload?: unknown): Promise<LiveAck<T>> {
    return this.socket.timeout(5000).emitWithAck(event, payload) as Promise<LiveAck<T>>;
  }

  async join(workshopId: string, room: string): Promise<RoomSnapshot> {
    const ack = await this.request<RoomSnapshot>("room:join", { workshopId, room });
    if (!ack.ok) throw new Error(`join ${room} refused: ${ack.error}`);
    return ack.data;
  }

  /** The next event of that name (already received, or to come), optionally matching a condition. */
  next<T = unknown>(event: string, matches: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    const already = this.events.find((e) => e.event === event && matches(e.payload as T));
    if (already) {
      this.events.splice(this.events.indexOf(already), 1);
      return Promise.resolve(already.payload as T);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
      const listener = (name: string, payload: unknown) => {
        if (name !== event || !matches(payload as T)) return;
        clearTimeout(timer);
        this.socket.offAny(listener);
        this.events.splice(this.events.findIndex((e) => e.payload === payload), 1);
        resolve(payload as T);
      };
      this.socket.onAny(listener);
    });
  }

  close() {
    this.socket.disconnect();
  }
}

export interface LiveWorkshopOptions {
  server?: AppOptions;
  /** Runs after each test once its clients are closed, to remove what the test left in the workshop's live rooms. */
  cleanUp?: (workshopId: string) => Promise<unknown>;
}

/**
 * What every file of live-session tests starts from: the demo workshop, then the whole app on a free port, and
 * live clients that are closed after each test so no test sees the people of another. The getters have values
 * only inside tests and hooks.
 */
export function useLiveWorkshop({ server, cleanUp }: LiveWorkshopOptions = {}) {
  let workshopId: string | undefined;
  let sessions: string[] | undefined;
  beforeAll(async () => {
    workshopId = await seedDemo();
    const rows = await getDb().session.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true } });
    sessions = rows.map((session) => session.id);
  });
  const app = useApp(server);

  const clients: LiveClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await cleanUp?.(live.workshopId);
  });

  /** Signed in as this person and connected, until the end of the test. */
  async function connectAs(email: string) {
    const client = await LiveClient.signedIn(app.url, email);
    clients.push(client);
    return client;
  }

  /** Signed in, connected and in that room (a session's id or the plenary), until the end of the test. */
  async function joinAs(email: string, room: RoomKey) {
    const client = await connectAs(email);
    const snapshot = await client.join(live.workshopId, room);
    return { client, snapshot };
  }

  const live = {
    get url() {
      return app.url;
    },
    get workshopId() {
      return started(workshopId, "The demo workshop");
    },
    /** The demo workshop's parallel sessions' ids, in their order on the agenda. */
    get sessions() {
      return started(sessions, "The demo sessions");
    },
    connectAs,
    joinAs,
  };
  return live;
}
