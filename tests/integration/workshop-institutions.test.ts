import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { PLENARY } from "~/live/protocol";
import { HttpClient } from "../support/app";
import { upgradeStatus } from "../support/boards";
import { LiveClient, useLiveWorkshop } from "../support/live";
import { pageHtml, visibleText } from "../support/page-html";

const ORGANISER = "organisatrice@majlis.test";
const PARTICIPANT = "participante@majlis.test";
const PEER = "pair@majlis.test";
/** A person of the counterpart institution (OTE) who holds no role of their own in the demo workshop. */
const COLLEAGUE = "collegue@ote.test";
/** Signed in, of no institution and no part of the workshop. */
const OUTSIDER = "exterieur@majlis.test";

const live = useLiveWorkshop();
let ote: string;
let boardId: string;

beforeAll(async () => {
  const db = getDb();
  const peer = await db.user.findUniqueOrThrow({ where: { email: PEER }, select: { organisationId: true, passwordHash: true } });
  ote = peer.organisationId ?? "";
  await db.user.create({ data: { email: COLLEAGUE, name: "Sonia Trabelsi", passwordHash: peer.passwordHash, organisationId: ote } });
  await db.user.create({ data: { email: OUTSIDER, name: "Personne extérieure", passwordHash: peer.passwordHash } });
  boardId = (await db.board.findFirstOrThrow({ where: { workshopId: live.workshopId }, orderBy: { createdAt: "asc" } })).id;
});

async function signedIn(email: string) {
  const http = new HttpClient(live.url, { "Accept-Language": "fr" });
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

const page = (suffix: string) => `/workshops/${live.workshopId}${suffix}`;

async function organiserDoes(fields: Record<string, string>) {
  const organiser = await signedIn(ORGANISER);
  const response = await organiser.post(page("/institutions"), fields);
  expect(response.status).toBe(200);
  return visibleText(await pageHtml(response));
}

/** What the colleague reaches: the boards page, the live page, the organisers' console, the board socket, the live room. */
async function colleagueReach() {
  const http = await signedIn(COLLEAGUE);
  const [boards, livePage, console] = await Promise.all([http.get(page("/boards")), http.get(page("/live")), http.get(page("/console"))]);
  const socket = await upgradeStatus(live.url, `/yjs/${boardId}`, { Cookie: http.cookieHeader(), Origin: live.url });
  const client = await LiveClient.connect(live.url, http.cookieHeader());
  const joined = await client.request<{ self: { role: string; canParticipate: boolean; isOrganiser: boolean } }>("room:join", {
    workshopId: live.workshopId,
    room: PLENARY,
  });
  client.close();
  return {
    boards: boards.status,
    boardsText: boards.status === 200 ? visibleText(await pageHtml(boards)) : "",
    live: livePage.status,
    console: console.status,
    socket,
    room: joined.ok ? joined.data.self : joined.error,
  };
}

const auditActions = async () =>
  (await getDb().auditLog.findMany({ where: { workshopId: live.workshopId, action: { startsWith: "institution." } }, orderBy: { createdAt: "asc" } })).map(
    (entry) => [entry.action, entry.subjectId, entry.data]
  );

describe("institutions taking part in a workshop", () => {
  it("refuses the institution changes of anyone but the organisers, and changes nothing", async () => {
    for (const email of [PARTICIPANT, PEER, "facilitateur@majlis.test"]) {
      const http = await signedIn(email);
      const response = await http.post(page("/institutions"), { intent: "add", organisationId: ote, role: "CO_ORGANISER" });
      expect(response.status, email).toBe(403);
    }
    expect(await getDb().workshopInstitution.count()).toBe(0);
    expect(await colleagueReach()).toMatchObject({ boards: 403, live: 403, console: 403, socket: 403, room: "forbidden" });
  });

  it("lets the people of a contributing institution take part as participants, on the pages and on both sockets", async () => {
    const text = await organiserDoes({ intent: "add", organisationId: ote, role: "CONTRIBUTOR" });
    expect(text).toContain("Office des Tunisiens à l'Étranger (OTE) participe maintenant à l'atelier.");
    expect(text).toContain("Contributrice");
    expect(await auditActions()).toEqual([["institution.add", ote, { role: "CONTRIBUTOR" }]]);

    const reach = await colleagueReach();
    expect(reach).toMatchObject({ boards: 200, live: 200, console: 403, socket: 101, room: { role: "PARTICIPANT", canParticipate: true, isOrganiser: false } });
    expect(reach.boardsText).not.toContain("Vous suivez les tableaux en lecture seule.");
  });

  it("shows members the host and the institutions with their role and how many of their people are members", async () => {
    const peer = await signedIn(PEER);
    const response = await peer.get(page("/institutions"));
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    const text = visibleText(html);
    expect(text).toContain("Département des Marocains Résidant à l'Étranger (MAECAMRE)");
    expect(text).toContain("Ses personnes participent pleinement");
    // DMRE: the organiser, both facilitators, the rapporteur and the committee member; OTE: the peer (the colleague
    // acts through the institution, without a membership).
    expect(text).toContain("5 personne(s) membre(s)");
    expect(html).toMatch(/Contributrice[\s\S]*?<td>1<\/td>/);
    expect(html).not.toContain('value="add"');
    expect(html).not.toContain('value="remove"');

    expect((await (await signedIn(PARTICIPANT)).get(page("/institutions"))).status).toBe(200);
    expect((await (await signedIn(OUTSIDER)).get(page("/institutions"))).status).toBe(403);
  });

  it("makes an observing institution's people read-only", async () => {
    await organiserDoes({ intent: "changeRole", organisationId: ote, role: "OBSERVER" });
    const reach = await colleagueReach();
    expect(reach).toMatchObject({ boards: 200, live: 200, console: 403, socket: 101, room: { role: "OBSERVER", canParticipate: false } });
    expect(reach.boardsText).toContain("Vous suivez les tableaux en lecture seule.");
  });

  it("lets a co-organising institution's people reach the organisers' console, unless they hold a personal role", async () => {
    await organiserDoes({ intent: "changeRole", organisationId: ote, role: "CO_ORGANISER" });
    expect(await colleagueReach()).toMatchObject({ console: 200, socket: 101, room: { role: "ORGANISER", isOrganiser: true } });
    const colleague = await signedIn(COLLEAGUE);
    const home = visibleText(await pageHtml(await colleague.get("/")));
    const mine = home.slice(home.indexOf("Mes ateliers"), home.indexOf("Ateliers ouverts"));
    expect(mine).toContain("Dispositif de mobilisation des compétences");
    expect(mine).toContain("Organisateur·rice");
    expect(await pageHtml(await colleague.get(page("/institutions")))).toContain('value="remove"');
    // Registering for a seat does not turn the co-organiser into a mere participant.
    expect((await colleague.post(page("/register"), { mode: "REMOTE", sessionId: live.sessions[1] })).status).toBe(302);
    expect(await getDb().registration.count({ where: { workshopId: live.workshopId, user: { email: COLLEAGUE } } })).toBe(1);
    expect((await colleague.get(page("/console"))).status).toBe(200);

    // The peer's own membership (PEER) wins over the institution's role.
    const peer = await signedIn(PEER);
    expect((await peer.get(page("/console"))).status).toBe(403);
    const client = await LiveClient.connect(live.url, peer.cookieHeader());
    const joined = await client.request<{ self: { role: string } }>("room:join", { workshopId: live.workshopId, room: PLENARY });
    client.close();
    expect(joined.ok && joined.data.self.role).toBe("PEER");
  });

  it("revokes the institution's role when it is removed", async () => {
    const text = await organiserDoes({ intent: "remove", organisationId: ote });
    expect(text).toContain("Office des Tunisiens à l'Étranger (OTE) ne participe plus à l'atelier.");
    expect(await colleagueReach()).toMatchObject({ boards: 403, live: 403, console: 403, socket: 403, room: "forbidden" });
    expect((await auditActions()).map(([action]) => action)).toEqual(["institution.add", "institution.role", "institution.role", "institution.remove"]);
    // The peer keeps their personal membership.
    expect((await (await signedIn(PEER)).get(page("/boards"))).status).toBe(200);
  });

  it("does not add the host institution, nor an institution twice", async () => {
    const dmre = (await getDb().user.findUniqueOrThrow({ where: { email: ORGANISER } })).organisationId ?? "";
    const organiser = await signedIn(ORGANISER);
    const host = await organiser.post(page("/institutions"), { intent: "add", organisationId: dmre, role: "PEER" });
    expect(host.status).toBe(409);
    expect(visibleText(await pageHtml(host))).toContain("C'est l'institution hôte de l'atelier.");
    await organiserDoes({ intent: "add", organisationId: ote, role: "PEER" });
    const twice = await organiser.post(page("/institutions"), { intent: "add", organisationId: ote, role: "OBSERVER" });
    expect(twice.status).toBe(409);
    expect(await getDb().workshopInstitution.findMany({ select: { organisationId: true, role: true } })).toEqual([{ organisationId: ote, role: "PEER" }]);
    const missing = await organiser.post(page("/institutions"), { intent: "add", organisationId: "", role: "PEER" });
    expect(missing.status).toBe(400);
    expect(visibleText(await pageHtml(missing))).toContain("Ce champ est obligatoire.");
  });
});
