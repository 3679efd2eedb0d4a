/** What realtime/server.ts hands to every loader and action besides the request. */
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    clientAddress: string;
    /** The whiteboard connections of this process (and, through their bus, of the others). */
    boards: {
      /** Every client with the board open fetches its dot-voting state again (message VOTING_CHANGED). */
      votingChanged(boardId: string): void;
    };
  }
}

export {};
