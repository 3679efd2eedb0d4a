import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { disconnectDb } from "~/db/client.server";
import { attachBoards, type BoardOptions } from "./boards/attach";
import type { BoardRegistry } from "./boards/registry";
import { attachLive, type LiveOptions } from "./live/attach";
import { rememberLanguageChoice } from "./http/language-cookie";
import { securityHeaders } from "./http/security-headers";

export interface ServerConfig {
  port: number;
  host?: string;
  /** The Remix server build; defaults to the one `remix build` wrote to build/index.js. */
  build?: ServerBuild;
  trustProxy?: boolean;
  mode?: "production" | "development" | "test";
  live?: LiveOptions;
  boards?: BoardOptions;
}

export interface RunningServer {
  httpServer: http.Server;
  port: number;
  /** Base URL on loopback, for tests and logs. */
  url: string;
  /** The whiteboards this process has in memory. */
  boards: Pick<BoardRegistry, "loadedBoardIds">;
  /**
   * Ends live and board connections (saving every board), stops accepting new ones, lets requests in flight finish,
   * then releases the pool.
   */
  close(): Promise<void>;
}

const ROOT = process.cwd();
const GRACE_MS = 10_000;

export async function loadServerBuild(): Promise<ServerBuild> {
  const buildPath = path.join(ROOT, "build", "index.js");
  return (await import(pathToFileURL(buildPath).href)) as ServerBuild;
}

/**
 * One HTTP server for everything the browser talks to: the Remix app, live sessions over socket.io (/socket.io),
 * and the Yjs websocket endpoints that attach to the same `httpServer`.
 */
export async function createServer(config: ServerConfig): Promise<RunningServer> {
  const build = config.build ?? (await loadServerBuild());
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy ?? false);
  app.use(securityHeaders);
  app.use(compression());
  app.use(rememberLanguageChoice);
  // Fingerprinted assets never change; everything else in public/ may.
  app.use("/build", express.static(path.join(ROOT, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(ROOT, "public"), { maxAge: "1h" }));

  const httpServer = http.createServer(app);
  const live = attachLive(httpServer, config.live);
  const boards = attachBoards(httpServer, config.boards);
  // Routes reach the board connections through the load context, e.g. to tell them that votes changed.
  const boardSignals = { votingChanged: boards.votingChanged };
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.mode ?? process.env.NODE_ENV,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? "unknown", boards: boardSignals }),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = httpServer.address() as import("node:net").AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    httpServer,
    port,
    url: `http://127.0.0.1:${port}`,
    boards: boards.registry,
    close() {
      closing ??= (async () => {
        await live.close();
        // Before the pool closes: unloading a board writes its last changes and compacts it.
        await boards.close();
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => httpServer.closeAllConnections(), GRACE_MS);
          httpServer.close(() => {
            clearTimeout(force);
            resolve();
          });
          httpServer.closeIdleConnections();
        });
        await disconnectDb();
      })();
      return closing;
    },
  };
}
