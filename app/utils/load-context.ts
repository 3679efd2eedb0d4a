/** What realtime/server.ts hands to every loader and action besides the request. */
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    clientAddress: string;
  }
}

export {};
