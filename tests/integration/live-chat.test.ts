import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { ChatMessageView, ChatMuteChange, ChatSnapshot } from "~/live/chat";
import { PLENARY, type RoomSnapshot } from "~/live/protocol";
import { useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop();
async function joinAs(email: string, room: () => string) {
  const { client, snapshot } = await live.joinAs(email, room());
  return { client, snapshot, chat: chatOf(snapshot) };
}

const session1 = () => live.sessions[0];
const session2 = () => live.sessions[1];
const plenary = () => PLENARY;
let counter = 0;
const clientId = () => `test-${++counter}-${Date.now()}`;
const chatOf = (snapshot: RoomSnapshot) => snapshot.features.chat as ChatSnapshot;
const userId = (email: string) => getDb().user.findUniqueOrThrow({ where: { email } }).then((user) => user.id);

describe("chat in live rooms", () => {
  it("delivers a message to its own session only, and keeps it in that session's history", async () => {
    const { client: hicham } = await joinAs("hicham.ouazzani@majlis.test", session1);
    const { client: salma } = await joinAs("salma.bennani@majlis.test", session1);
    const { client: imane } = await joinAs("imane.kettani@majlis.test", session2);
    const { client: rachid } = await joinAs("rachid.elmansouri@majlis.test", session2);

    const sent = await hicham.request<ChatMessageView>("chat:send", { clientId: clientId(), body: "  Bonjour la session 1  " });
    expect(sent).toMatchObject({ ok: true, data: { body: "Bonjour la session 1", author: { name: "Hicham Ouazzani" }, deleted: false, broadcast: false } });
    const messageId = sent.ok ? sent.data.id : "";
    expect(await salma.next<ChatMessageView>("chat:message")).toMatchObject({ id: messageId, body: "Bonjour la session 1" });

    // Once a later message of session 2 has reached Imane, the earlier one of session 1 would have too.
    await rachid.request("chat:send", { clientId: clientId(), body: "Bonjour la session 2" });
    await imane.next<ChatMessageView>("chat:message", (m) => m.body === "Bonjour la session 2");
    expect(imane.events.some((e) => (e.payload as ChatMessageView | undefined)?.id === messageId)).toBe(false);

    const { chat: later } = await joinAs("mehdi.berrada@majlis.test", session1);
    expect(later.messages.map((m) => m.body)).toContain("Bonjour la session 1");
    expect(later.messages.map((m) => m.body)).not.toContain("Bonjour la session 2");
    expect(later).toMatchObject({ muted: false, mutedUserIds: [], timezone: "Africa/Casablanca" });
  });

  it("gives the last 100 messages on joining, oldest first, deleted ones without their text", async () => {
    const room = PLENARY;
    const authorId = await userId("rapporteur@majlis.test");
    const start = Date.now() - 3600_000;
    await getDb().chatMessage.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({
        workshopId: live.workshopId,
        room,
        authorId,
        clientId: `history-${i}`,
        body: `message ${i}`,
        createdAt: new Date(start + i * 1000),
        deletedAt: i === 104 ? new Date() : null,
      })),
    });
    const { chat } = await joinAs("participante@majlis.test", plenary);
    const history = chat.messages.filter((m) => m.clientId.startsWith("history-"));
    expect(history).toHaveLength(100);
    expect(history[0].body).toBe("message 5");
    expect(history[98].body).toBe("message 103");
    expect(history[99]).toMatchObject({ body: null, deleted: true });
  });

  it("stores a message sent twice with the same clientId once (a retry after a dropped connection)", async () => {
    const { client: salma } = await joinAs("salma.bennani@majlis.test", session1);
    const id = clientId();
    const first = await salma.request<ChatMessageView>("chat:send", { clientId: id, body: "Une seule fois" });
    const retry = await salma.request<ChatMessageView>("chat:send", { clientId: id, body: "Une seule fois" });
    expect(first.ok && retry.ok && retry.data.id === first.data.id).toBe(true);
    expect(await getDb().chatMessage.count({ where: { clientId: id } })).toBe(1);

    // The same id cannot be reused for a message in another room.
    await salma.join(live.workshopId, PLENARY);
    expect(await salma.request("chat:send", { clientId: id, body: "Ailleurs" })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await getDb().chatMessage.count({ where: { clientId: id } })).toBe(1);
  });

  it("delivers the organisers' broadcast to every session and the plenary, and keeps it in every history", async () => {
    const { client: organiser } = await joinAs("organisatrice@majlis.test", plenary);
    const { client: inSession1 } = await joinAs("hicham.ouazzani@majlis.test", session1);
    const { client: inSession2 } = await joinAs("imane.kettani@majlis.test", session2);
    const { client: inPlenary } = await joinAs("participante@majlis.test", plenary);

    const sent = await organiser.request<ChatMessageView>("chat:broadcast", { clientId: clientId(), body: "Retour en plénière à 16 h" });
    expect(sent).toMatchObject({ ok: true, data: { broadcast: true, author: { name: "Samira El Idrissi" } } });
    for (const client of [inSession1, inSession2, inPlenary, organiser]) {
      expect(await client.next<ChatMessageView>("chat:message", (m) => m.broadcast)).toMatchObject({ body: "Retour en plénière à 16 h" });
    }
    for (const room of [session1, session2, plenary]) {
      const { chat } = await joinAs("rapporteur@majlis.test", room);
      expect(chat.messages.filter((m) => m.broadcast).map((m) => m.body)).toEqual(["Retour en plénière à 16 h"]);
    }

    // Only organisers broadcast: neither participants nor a session's facilitator.
    const { client: facilitator } = await joinAs("facilitateur@majlis.test", session1);
    expect(await inSession1.request("chat:broadcast", { clientId: clientId(), body: "Tout le monde !" })).toEqual({ ok: false, error: "forbidden" });
    expect(await facilitator.request("chat:broadcast", { clientId: clientId(), body: "Tout le monde !" })).toEqual({ ok: false, error: "forbidden" });
    expect(await getDb().chatMessage.count({ where: { workshopId: live.workshopId, broadcast: true } })).toBe(1);
  });

  it("refuses observers and connections that joined no room", async () => {
    const { client: observer } = await joinAs("observateur@majlis.test", session1);
    expect(await observer.request("chat:send", { clientId: clientId(), body: "Je peux ?" })).toEqual({ ok: false, error: "forbidden" });
    const outside = await live.connectAs("salma.bennani@majlis.test");
    expect(await outside.request("chat:send", { clientId: clientId(), body: "Hors salle" })).toEqual({ ok: false, error: "notInRoom" });
    expect(await getDb().chatMessage.count({ where: { body: { in: ["Je peux ?", "Hors salle"] } } })).toBe(0);
  });

  it("answers malformed and oversized messages with invalidPayload", async () => {
    const { client } = await joinAs("mehdi.berrada@majlis.test", session1);
    const bad = [
      { clientId: clientId(), body: "x".repeat(2001) },
      { clientId: clientId(), body: "   " },
      { body: "sans identifiant" },
      { clientId: "c".repeat(65), body: "identifiant trop long" },
      { clientId: clientId(), body: 42 },
      "garbage",
    ];
    for (const payload of bad) expect(await client.request("chat:send", payload)).toEqual({ ok: false, error: "invalidPayload" });
    expect(await client.request("chat:send", { clientId: clientId(), body: "x".repeat(2000) })).toMatchObject({ ok: true });
  });

  it("lets a session's facilitator delete a message of their room, and refuses participants and other rooms", async () => {
    const { client: facilitator } = await joinAs("facilitateur@majlis.test", session1);
    const { client: hicham } = await joinAs("hicham.ouazzani@majlis.test", session1);
    const { client: salma } = await joinAs("salma.bennani@majlis.test", session1);
    const { client: imane } = await joinAs("imane.kettani@majlis.test", session2);

    const sent = await hicham.request<ChatMessageView>("chat:send", { clientId: clientId(), body: "Message à retirer" });
    const elsewhere = await imane.request<ChatMessageView>("chat:send", { clientId: clientId(), body: "Message de la session 2" });
    if (!sent.ok || !elsewhere.ok) throw new Error("sending failed");

    // A participant sending the facilitators' events changes nothing.
    expect(await salma.request("chat:delete", { messageId: sent.data.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await salma.request("chat:mute", { userId: sent.data.author.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await getDb().chatMessage.findUniqueOrThrow({ where: { id: sent.data.id } })).toMatchObject({ deletedAt: null });
    expect(await getDb().chatMute.count({ where: { workshopId: live.workshopId } })).toBe(0);

    // A message of another session is not this facilitator's to delete.
    expect(await facilitator.request("chat:delete", { messageId: elsewhere.data.id })).toEqual({ ok: false, error: "notFound" });
    expect(await facilitator.request("chat:delete", { messageId: "no-such-message" })).toEqual({ ok: false, error: "notFound" });
    expect(await getDb().chatMessage.findUniqueOrThrow({ where: { id: elsewhere.data.id } })).toMatchObject({ deletedAt: null });

    expect(await facilitator.request("chat:delete", { messageId: sent.data.id })).toEqual({ ok: true, data: { messageId: sent.data.id } });
    expect(await salma.next("chat:deleted")).toEqual({ messageId: sent.data.id });
    const stored = await getDb().chatMessage.findUniqueOrThrow({ where: { id: sent.data.id } });
    expect(stored.deletedAt).not.toBeNull();
    expect(stored.deletedById).toBe(await userId("facilitateur@majlis.test"));

    const { chat } = await joinAs("mehdi.berrada@majlis.test", session1);
    expect(chat.messages.find((m) => m.id === sent.data.id)).toMatchObject({ body: null, deleted: true, author: { name: "Hicham Ouazzani" } });
  });

  it("mutes a participant in the whole workshop, tells them and the facilitators, and unmutes them", async () => {
    const { client: facilitator } = await joinAs("facilitateur@majlis.test", session1);
    const { client: otherFacilitator } = await joinAs("facilitatrice@majlis.test", session2);
    const { client: mehdi } = await joinAs("mehdi.berrada@majlis.test", session1);
    const { client: salma } = await joinAs("salma.bennani@majlis.test", session1);
    const mehdiId = await userId("mehdi.berrada@majlis.test");

    expect(await facilitator.request("chat:mute", { userId: mehdiId })).toEqual({ ok: true, data: { userId: mehdiId, muted: true } });
    expect(await mehdi.next<ChatMuteChange>("chat:muted")).toEqual({ userId: mehdiId, muted: true });
    expect(await otherFacilitator.next<ChatMuteChange>("chat:muted")).toEqual({ userId: mehdiId, muted: true });
    // Participants are not told who is muted.
    await salma.request("chat:send", { clientId: clientId(), body: "Toujours là" });
    await salma.next("chat:message", (m: ChatMessageView) => m.body === "Toujours là");
    expect(salma.events.some((e) => e.event === "chat:muted")).toBe(false);

    expect(await mehdi.request("chat:send", { clientId: clientId(), body: "Je parle quand même" })).toEqual({ ok: false, error: "muted" });
    expect(await mehdi.request("question:ask", { clientId: clientId(), body: "Et une question ?", anonymous: false })).toEqual({ ok: false, error: "muted" });
    // The mute holds in every room of the workshop, and across reconnections.
    expect(chatOf(await mehdi.join(live.workshopId, PLENARY)).muted).toBe(true);
    expect(await mehdi.request("chat:send", { clientId: clientId(), body: "En plénière ?" })).toEqual({ ok: false, error: "muted" });
    expect(chatOf(await facilitator.join(live.workshopId, live.sessions[0])).mutedUserIds).toEqual([mehdiId]);
    expect(chatOf(await salma.join(live.workshopId, live.sessions[0])).mutedUserIds).toEqual([]);

    // Only members can be muted, and organisers cannot be.
    expect(await facilitator.request("chat:mute", { userId: "no-such-user" })).toEqual({ ok: false, error: "notFound" });
    expect(await facilitator.request("chat:mute", { userId: await userId("organisatrice@majlis.test") })).toEqual({ ok: false, error: "forbidden" });

    expect(await facilitator.request("chat:unmute", { userId: mehdiId })).toEqual({ ok: true, data: { userId: mehdiId, muted: false } });
    expect(await mehdi.next<ChatMuteChange>("chat:muted", (change) => !change.muted)).toEqual({ userId: mehdiId, muted: false });
    expect(await mehdi.request("chat:send", { clientId: clientId(), body: "Merci !" })).toMatchObject({ ok: true, data: { body: "Merci !" } });
    expect(await getDb().chatMute.count({ where: { workshopId: live.workshopId } })).toBe(0);
  });
});
