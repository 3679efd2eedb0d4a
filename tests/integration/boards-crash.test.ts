import type { ChildProcess } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BoardClient, demoSessions, makeBoard, waitFor } from "../support/boards";
import { seedDemo } from "../support/demo";
import { startServerProcess } from "../support/server-process";

async function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const { child, url } = await startServerProcess();
  return { child, url };
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const running: ChildProcess[] = [];
const clients: BoardClient[] = [];
afterEach(async () => {
  for (const created of clients.splice(0)) created.destroy();
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) await killHard(child);
});

describe("a board server killed with SIGKILL", () => {
  let boardId: string;

  beforeAll(async () => {
    const workshopId = await seedDemo();
    const [session] = await demoSessions(workshopId);
    boardId = await makeBoard({ workshopId, sessionId: session.id, actorEmail: "facilitateur@majlis.test", template: "BLANK" });
  });

  it("loses no change it had confirmed as saved", async () => {
    const first = await startProcess();
    running.push(first.child);
    const cookie = await BoardClient.signIn(first.url, "participante@majlis.test");
    const writer = new BoardClient(first.url, boardId, cookie);
    clients.push(writer);
    await writer.synced();

    // Which document-update message carried each note: the "saved" count says which of them are stored.
    const sentWith = new Map<string, number>();
    const write = (text: string) => {
      writer.addNote(text);
      sentWith.set(text, writer.sent);
    };
    for (let i = 0; i < 20; i += 1) write(`Confirmée ${i}`);
    await writer.allSaved();
    // A second burst, killed in the middle: some of it is confirmed, the rest may be lost, as the client was told.
    for (let i = 0; i < 30; i += 1) write(`En vol ${i}`);
    await waitFor(() => writer.saved > sentWith.get("Confirmée 19")!, "a first confirmation of the second burst");
    await killHard(first.child);
    const confirmed = writer.saved;
    writer.destroy();

    const expected = [...sentWith].filter(([, message]) => message <= confirmed).map(([text]) => text);
    expect(expected.length).toBeGreaterThan(20);

    const second = await startProcess();
    running.push(second.child);
    const reader = new BoardClient(second.url, boardId, cookie);
    clients.push(reader);
    await reader.synced();
    const notes = new Set(reader.notes());
    expect(expected.filter((text) => !notes.has(text))).toEqual([]);
  });
});
