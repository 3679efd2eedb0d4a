import { io, type Socket } from "socket.io-client";
import type { LiveAck, RoomSnapshot } from "~/live/protocol";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { HttpClient } from "./app";

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
