/**
 * The agenda as people read it: plenary items one after the other, and between them blocks where the parallel
 * sessions run side by side, each session with its own items.
 */
export interface AgendaEntry {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  sessionId: string | null;
}

export interface AgendaTrack<S> {
  session: S;
  items: AgendaEntry[];
}

export type AgendaBlock<S> =
  | { kind: "plenary"; item: AgendaEntry }
  | { kind: "parallel"; startsAt: string; endsAt: string; tracks: AgendaTrack<S>[] };

const byStart = (a: AgendaEntry, b: AgendaEntry) =>
  Date.parse(a.startsAt) - Date.parse(b.startsAt) || Date.parse(a.endsAt) - Date.parse(b.endsAt);

export function groupAgendaIntoBlocks<S extends { id: string }>(items: AgendaEntry[], sessions: S[]): AgendaBlock<S>[] {
  const blocks: AgendaBlock<S>[] = [];
  let run: AgendaEntry[] = [];

  // A run of session items ends at the next plenary item: that is where everyone meets again.
  const closeRun = () => {
    if (run.length === 0) return;
    const tracks = sessions
      .map((session) => ({ session, items: run.filter((item) => item.sessionId === session.id) }))
      .filter((track) => track.items.length > 0);
    const starts = run.map((item) => Date.parse(item.startsAt));
    const ends = run.map((item) => Date.parse(item.endsAt));
    blocks.push({
      kind: "parallel",
      startsAt: new Date(Math.min(...starts)).toISOString(),
      endsAt: new Date(Math.max(...ends)).toISOString(),
      tracks,
    });
    run = [];
  };

  for (const item of [...items].sort(byStart)) {
    if (item.sessionId === null) {
      closeRun();
      blocks.push({ kind: "plenary", item });
    } else {
      run.push(item);
    }
  }
  closeRun();
  return blocks;
}
