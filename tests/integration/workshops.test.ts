// Any zone far from Morocco: the page must show the workshop's own times, not the server's.
process.env.TZ = "Pacific/Auckland";

import { fromZonedTime } from "date-fns-tz";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_JOIN_CODE, DEMO_PASSWORD } from "~/db/seed-demo.server";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "~/models/join-code.server";
import { createWorkshop } from "~/models/workshop.server";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";

let demoId: string;
beforeAll(async () => {
  demoId = await seedDemo();
});
const app = useApp();

async function signedIn(email: string, language = "fr") {
  const client = new HttpClient(app.url, { "Accept-Language": language });
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

const validWorkshop = {
  title: "Atelier de Bruxelles",
  description: "Réseau des compétences marocaines en Belgique.",
  startsAt: "2026-03-14T09:30",
  endsAt: "2026-03-14T17:00",
  timezone: "Europe/Brussels",
  venue: "Bruxelles, Maison de la culture",
  format: "IN_PERSON",
  languages: ["fr", "ar"],
};

async function createAsOrganiser(fields: Record<string, string | string[]> = validWorkshop) {
  const organiser = await signedIn("organisatrice@majlis.test");
  const response = await organiser.post("/workshops/new", fields);
  expect(response.status).toBe(302);
  const id = /^\/workshops\/([^/?#]+)$/.exec(response.headers.get("location") ?? "")?.[1];
  expect(id).toBeTruthy();
  return { organiser, id: id! };
}

/** Everything an organiser-only action could change, to prove that a refused one changed nothing. */
async function snapshot(workshopId: string) {
  const db = getDb();
  return JSON.stringify(
    await Promise.all([
      db.workshop.findUnique({ where: { id: workshopId } }),
      db.session.findMany({ where: { workshopId }, orderBy: { id: "asc" }, include: { facilitators: true } }),
      db.agendaItem.findMany({ where: { workshopId }, orderBy: { id: "asc" } }),
      db.membership.findMany({ where: { workshopId }, orderBy: { id: "asc" } }),
      db.auditLog.count({ where: { workshopId } }),
    ]),
  );
}

describe("creating a workshop", () => {
  it("creates a draft in the chosen time zone, with its creator as organiser, a join code and an audit entry", async () => {
    const { id } = await createAsOrganiser();
    const db = getDb();
    const workshop = await db.workshop.findUniqueOrThrow({ where: { id }, include: { memberships: { include: { user: true } } } });
    expect(workshop).toMatchObject({
      title: "Atelier de Bruxelles",
      status: "DRAFT",
      timezone: "Europe/Brussels",
      format: "IN_PERSON",
      languages: ["fr", "ar"],
      venue: "Bruxelles, Maison de la culture",
    });
    expect(workshop.startsAt.toISOString()).toBe("2026-03-14T08:30:00.000Z");
    expect(workshop.endsAt.toISOString()).toBe(fromZonedTime("2026-03-14T17:00", "Europe/Brussels").toISOString());
    expect(workshop.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
    expect(workshop.memberships.map((m) => [m.user.email, m.role])).toEqual([["organisatrice@majlis.test", "ORGANISER"]]);
    const audit = await db.auditLog.findMany({ where: { workshopId: id } });
    expect(audit.map((entry) => entry.action)).toEqual(["workshop.create"]);
    expect(audit[0].actorId).toBe(workshop.createdById);
  });

  it("sends back field errors with status 400 and keeps what was typed", async () => {
    const organiser = await signedIn("organisatrice@majlis.test");
    const before = await getDb().workshop.count();

    const endBeforeStart = await organiser.post("/workshops/new", { ...validWorkshop, title: "Atelier à Montréal", endsAt: "2026-03-14T08:00" });
    expect(endBeforeStart.status).toBe(400);
    const html = await endBeforeStart.text();
    expect(html).toContain("La fin doit venir après le début.");
    expect(html).toContain('value="Atelier à Montréal"');
    expect(html).toContain('value="2026-03-14T08:00"');

    const { languages: _none, ...withoutLanguage } = validWorkshop;
    const noLanguage = await organiser.post("/workshops/new", withoutLanguage);
    expect(noLanguage.status).toBe(400);
    const noLanguageHtml = await noLanguage.text();
    expect(noLanguageHtml).toContain("Choisissez au moins une langue.");
    expect(noLanguageHtml).toContain('value="Bruxelles, Maison de la culture"');

    const badZone = await organiser.post("/workshops/new", { ...validWorkshop, timezone: "Mars/Olympus_Mons", title: "" });
    expect(badZone.status).toBe(400);
    const badZoneHtml = await badZone.text();
    expect(badZoneHtml).toContain("Choisissez un fuseau horaire valide.");
    expect(badZoneHtml).toContain("Ce champ est obligatoire.");

    expect(await getDb().workshop.count()).toBe(before);
  });

  it("gives every workshop its own join code, and tries another one when a code is taken", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { id } = await createAsOrganiser({ ...validWorkshop, title: `Atelier ${i}` });
      codes.add((await getDb().workshop.findUniqueOrThrow({ where: { id } })).joinCode);
    }
    expect(codes.size).toBe(5);

    const organiser = await getDb().user.findUniqueOrThrow({ where: { email: "organisatrice@majlis.test" } });
    const offered = [DEMO_JOIN_CODE, "KZ7PQ4M"];
    const created = await createWorkshop({
      userId: organiser.id,
      fields: { ...validWorkshop, format: "ONLINE", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000) },
      newJoinCode: () => offered.shift()!,
    });
    expect(created.joinCode).toBe("KZ7PQ4M");
    expect(await getDb().workshop.count({ where: { joinCode: DEMO_JOIN_CODE } })).toBe(1);
  });

  it("is for institution staff only: others get 403, signed-out people are sent to sign in", async () => {
    const participant = await signedIn("participante@majlis.test");
    expect((await participant.get("/workshops/new")).status).toBe(403);
    const before = await getDb().workshop.count();
    expect((await participant.post("/workshops/new", validWorkshop)).status).toBe(403);
    expect(await getDb().workshop.count()).toBe(before);

    const anonymous = new HttpClient(app.url);
    const response = await anonymous.get("/workshops/new");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fworkshops%2Fnew");
  });
});

describe("who sees a workshop", () => {
  it("keeps a draft invisible (404) to anyone who is not a member, and shows it to its organiser", async () => {
    const { organiser, id } = await createAsOrganiser();
    expect((await new HttpClient(app.url).get(`/workshops/${id}`)).status).toBe(404);
    const outsider = await signedIn("participante@majlis.test");
    expect((await outsider.get(`/workshops/${id}`)).status).toBe(404);
    expect((await outsider.get(`/workshops/${id}/edit`)).status).toBe(404);
    expect((await outsider.post(`/workshops/${id}/edit`, { intent: "publish" })).status).toBe(404);

    const page = await organiser.get(`/workshops/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Atelier de Bruxelles");
    expect(html).toContain("Brouillon");
    expect(html).toContain("seuls ses membres le voient");
  });

  it("publishes and unpublishes from the edit page; a published workshop is public", async () => {
    const { organiser, id } = await createAsOrganiser();
    const published = await organiser.post(`/workshops/${id}/edit`, { intent: "publish" });
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe(`/workshops/${id}/edit?done=published`);
    expect((await getDb().workshop.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");

    const anonymous = new HttpClient(app.url);
    const page = await anonymous.get(`/workshops/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`href="/login?redirectTo=%2Fworkshops%2F${id}"`);

    await organiser.post(`/workshops/${id}/edit`, { intent: "unpublish" });
    expect((await getDb().workshop.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    expect((await anonymous.get(`/workshops/${id}`)).status).toBe(404);
    const actions = (await getDb().auditLog.findMany({ where: { workshopId: id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["workshop.create", "workshop.publish", "workshop.unpublish"]);
  });

  it("edits the details and shows them back in the workshop's time zone", async () => {
    const { organiser, id } = await createAsOrganiser();
    const response = await organiser.post(`/workshops/${id}/edit`, {
      ...validWorkshop,
      intent: "save",
      title: "Atelier de Casablanca",
      timezone: "Africa/Casablanca",
      startsAt: "2026-05-20T10:15",
      endsAt: "2026-05-21T12:00",
      format: "ONLINE",
      languages: "en",
    });
    expect(response.status).toBe(302);
    const workshop = await getDb().workshop.findUniqueOrThrow({ where: { id } });
    expect(workshop).toMatchObject({ title: "Atelier de Casablanca", format: "ONLINE", languages: ["en"], timezone: "Africa/Casablanca" });
    expect(workshop.startsAt.toISOString()).toBe("2026-05-20T09:15:00.000Z");
    const form = await (await organiser.get(`/workshops/${id}/edit`)).text();
    expect(form).toContain('value="2026-05-20T10:15"');

    const invalid = await organiser.post(`/workshops/${id}/edit`, { ...validWorkshop, intent: "save", title: "Renommé", endsAt: "2026-03-13T09:00" });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('value="Renommé"');
    expect((await getDb().workshop.findUniqueOrThrow({ where: { id } })).title).toBe("Atelier de Casablanca");
  });
});

describe("organiser-only actions", () => {
  it("refuses (403) every change from a participant or a facilitator, and changes nothing", async () => {
    const session = await getDb().session.findFirstOrThrow({ where: { workshopId: demoId } });
    const item = await getDb().agendaItem.findFirstOrThrow({ where: { workshopId: demoId } });
    const participantUser = await getDb().user.findUniqueOrThrow({ where: { email: "participante@majlis.test" } });
    const before = await snapshot(demoId);
    const attempts: Array<[string, Record<string, string | string[]>]> = [
      ["edit", { ...validWorkshop, intent: "save" }],
      ["edit", { intent: "unpublish" }],
      ["sessions", { intent: "create", title: "Session pirate" }],
      ["sessions", { intent: "update", sessionId: session.id, title: "Renommée", capacity: "1" }],
      ["sessions", { intent: "delete", sessionId: session.id }],
      ["sessions", { intent: "assign", sessionId: session.id, userId: participantUser.id }],
      ["agenda", { intent: "create", title: "Pause", startsAt: "2023-11-24T12:00", endsAt: "2023-11-24T12:30", sessionId: "" }],
      ["agenda", { intent: "delete", itemId: item.id }],
    ];
    for (const email of ["participante@majlis.test", "facilitateur@majlis.test"]) {
      const member = await signedIn(email);
      for (const page of ["edit", "sessions", "agenda"]) {
        expect((await member.get(`/workshops/${demoId}/${page}`)).status, `${email} GET ${page}`).toBe(403);
      }
      for (const [page, fields] of attempts) {
        const response = await member.post(`/workshops/${demoId}/${page}`, fields);
        expect(response.status, `${email} ${page} ${fields.intent}`).toBe(403);
      }
    }
    expect(await snapshot(demoId)).toBe(before);
  });
});

describe("parallel sessions", () => {
  it("adds, edits and deletes sessions, with field errors for a bad capacity", async () => {
    const { organiser, id } = await createAsOrganiser();
    const created = await organiser.post(`/workshops/${id}/sessions`, { intent: "create", title: "Réseaux", room: "Salle A", capacity: "25", description: "" });
    expect(created.status).toBe(302);
    const session = await getDb().session.findFirstOrThrow({ where: { workshopId: id } });
    expect(session).toMatchObject({ title: "Réseaux", room: "Salle A", capacity: 25, position: 0 });

    const invalid = await organiser.post(`/workshops/${id}/sessions`, { intent: "create", title: "Données", capacity: "0" });
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain("Saisissez un nombre entier de places, au moins 1.");
    expect(html).toContain('value="Données"');

    const noLimit = await organiser.post(`/workshops/${id}/sessions`, { intent: "update", sessionId: session.id, title: "Réseaux de compétences", room: "", capacity: "" });
    expect(noLimit.status).toBe(302);
    expect(await getDb().session.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ title: "Réseaux de compétences", capacity: null, room: "" });

    expect((await organiser.post(`/workshops/${id}/sessions`, { intent: "delete", sessionId: session.id })).status).toBe(302);
    expect(await getDb().session.count({ where: { workshopId: id } })).toBe(0);
  });

  it("refuses to lower a capacity below the number of people registered, with a clear message", async () => {
    const organiser = await signedIn("organisatrice@majlis.test");
    const session = await getDb().session.findFirstOrThrow({ where: { workshopId: demoId, position: 0 } });
    const registered = await getDb().registration.count({ where: { sessionId: session.id } });
    expect(registered).toBe(3);

    const response = await organiser.post(`/workshops/${demoId}/sessions`, {
      intent: "update",
      sessionId: session.id,
      title: session.title,
      room: session.room,
      capacity: "2",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Déjà 3 personne(s) inscrite(s) à cette session : la capacité ne peut pas descendre en dessous.");
    expect(html).toContain('value="2"');
    expect((await getDb().session.findUniqueOrThrow({ where: { id: session.id } })).capacity).toBe(60);

    const exact = await organiser.post(`/workshops/${demoId}/sessions`, { intent: "update", sessionId: session.id, title: session.title, capacity: "3" });
    expect(exact.status).toBe(302);
    expect((await getDb().session.findUniqueOrThrow({ where: { id: session.id } })).capacity).toBe(3);
    const page = await (await organiser.get(`/workshops/${demoId}`)).text();
    expect(page).toContain("Complet");

    const deletion = await organiser.post(`/workshops/${demoId}/sessions`, { intent: "delete", sessionId: session.id });
    expect(deletion.status).toBe(400);
    expect(await deletion.text()).toContain("elle ne peut pas être supprimée");
    expect(await getDb().session.count({ where: { id: session.id } })).toBe(1);
  });

  it("assigns facilitators among the members, making a participant a facilitator", async () => {
    const organiser = await signedIn("organisatrice@majlis.test");
    const db = getDb();
    const session = await db.session.findFirstOrThrow({ where: { workshopId: demoId, position: 1 } });
    const hicham = await db.user.findUniqueOrThrow({ where: { email: "hicham.ouazzani@majlis.test" } });
    const rapporteur = await db.user.findUniqueOrThrow({ where: { email: "rapporteur@majlis.test" } });

    expect((await organiser.post(`/workshops/${demoId}/sessions`, { intent: "assign", sessionId: session.id, userId: hicham.id })).status).toBe(302);
    expect((await organiser.post(`/workshops/${demoId}/sessions`, { intent: "assign", sessionId: session.id, userId: rapporteur.id })).status).toBe(302);
    const roles = await db.membership.findMany({ where: { workshopId: demoId, userId: { in: [hicham.id, rapporteur.id] } } });
    expect(Object.fromEntries(roles.map((m) => [m.userId, m.role]))).toEqual({ [hicham.id]: "FACILITATOR", [rapporteur.id]: "RAPPORTEUR" });
    const page = await (await new HttpClient(app.url).get(`/workshops/${demoId}`)).text();
    expect(page).toContain("Hicham Ouazzani");

    expect((await organiser.post(`/workshops/${demoId}/sessions`, { intent: "unassign", sessionId: session.id, userId: rapporteur.id })).status).toBe(302);
    expect(await db.sessionFacilitator.count({ where: { sessionId: session.id, userId: rapporteur.id } })).toBe(0);

    const { id: otherId } = await createAsOrganiser();
    const stranger = await db.membership.findFirstOrThrow({ where: { workshopId: otherId } });
    const outsider = await db.user.findUniqueOrThrow({ where: { email: "pair@majlis.test" } });
    const notMember = await organiser.post(`/workshops/${otherId}/sessions`, { intent: "create", title: "Seule session" });
    expect(notMember.status).toBe(302);
    const otherSession = await db.session.findFirstOrThrow({ where: { workshopId: otherId } });
    const refused = await organiser.post(`/workshops/${otherId}/sessions`, { intent: "assign", sessionId: otherSession.id, userId: outsider.id });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Cette personne n&#x27;est pas membre de l&#x27;atelier.");
    expect(stranger.role).toBe("ORGANISER");

    // A session of another workshop is unknown here, even to an organiser of both.
    const crossed = await organiser.post(`/workshops/${otherId}/sessions`, { intent: "delete", sessionId: session.id });
    expect(crossed.status).toBe(404);
    expect(await db.session.count({ where: { id: session.id } })).toBe(1);
  });
});

describe("agenda", () => {
  it("adds plenary and session items in the workshop's time zone, and refuses impossible times", async () => {
    const { organiser, id } = await createAsOrganiser();
    await organiser.post(`/workshops/${id}/sessions`, { intent: "create", title: "Atelier données" });
    const session = await getDb().session.findFirstOrThrow({ where: { workshopId: id } });

    const plenary = await organiser.post(`/workshops/${id}/agenda`, { intent: "create", title: "Ouverture", startsAt: "2026-03-14T09:30", endsAt: "2026-03-14T10:00", sessionId: "" });
    expect(plenary.status).toBe(302);
    const parallel = await organiser.post(`/workshops/${id}/agenda`, { intent: "create", title: "Inventaire des données", startsAt: "2026-03-14T10:00", endsAt: "2026-03-14T12:00", sessionId: session.id });
    expect(parallel.status).toBe(302);
    const items = await getDb().agendaItem.findMany({ where: { workshopId: id }, orderBy: { startsAt: "asc" } });
    expect(items.map((i) => [i.title, i.startsAt.toISOString(), i.sessionId])).toEqual([
      ["Ouverture", "2026-03-14T08:30:00.000Z", null],
      ["Inventaire des données", "2026-03-14T09:00:00.000Z", session.id],
    ]);

    const backwards = await organiser.post(`/workshops/${id}/agenda`, { intent: "create", title: "À l'envers", startsAt: "2026-03-14T12:00", endsAt: "2026-03-14T11:00", sessionId: "" });
    expect(backwards.status).toBe(400);
    const html = await backwards.text();
    expect(html).toContain("La fin doit venir après le début.");
    expect(html).toContain('value="À l&#x27;envers"');

    const otherDay = await organiser.post(`/workshops/${id}/agenda`, { intent: "create", title: "Trop tard", startsAt: "2026-03-16T09:00", endsAt: "2026-03-16T10:00", sessionId: "" });
    expect(otherDay.status).toBe(400);
    expect(await otherDay.text()).toContain("Choisissez un horaire pendant les journées de l&#x27;atelier.");

    const demoSession = await getDb().session.findFirstOrThrow({ where: { workshopId: demoId } });
    const foreign = await organiser.post(`/workshops/${id}/agenda`, { intent: "create", title: "Ailleurs", startsAt: "2026-03-14T13:00", endsAt: "2026-03-14T14:00", sessionId: demoSession.id });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("Cette session n&#x27;existe plus");
    expect(await getDb().agendaItem.count({ where: { workshopId: id } })).toBe(2);

    const edited = await organiser.post(`/workshops/${id}/agenda`, { intent: "update", itemId: items[0].id, title: "Ouverture officielle", startsAt: "2026-03-14T09:00", endsAt: "2026-03-14T10:00", sessionId: "" });
    expect(edited.status).toBe(302);
    expect((await getDb().agendaItem.findUniqueOrThrow({ where: { id: items[0].id } })).startsAt.toISOString()).toBe("2026-03-14T08:00:00.000Z");

    const page = await (await organiser.get(`/workshops/${id}`)).text();
    expect(page).toContain("Ouverture officielle");
    expect(page).toContain("Inventaire des données");

    expect((await organiser.post(`/workshops/${id}/agenda`, { intent: "delete", itemId: items[1].id })).status).toBe(302);
    expect(await getDb().agendaItem.count({ where: { workshopId: id } })).toBe(1);
  });
});

describe("the workshop page", () => {
  it("shows the demo workshop's times in Africa/Casablanca whatever the server's zone, with agenda and sessions", async () => {
    expect(new Date("2023-11-24T08:00:00Z").getHours()).not.toBe(9);
    const response = await new HttpClient(app.url, { "Accept-Language": "en" }).get(`/workshops/${demoId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Friday, 24 November 2023");
    expect(html).toMatch(/>09:00<\/time> – <time[^>]*>17:00</);
    expect(html).toContain("Times in Africa/Casablanca time.");
    expect(html).toContain("Plenary");
    expect(html).toContain("Parallel sessions, 11:00 to 13:00");
    expect(html).toContain("Session 1 — Mobilisation des compétences et des porteurs de projets MRE");
    expect(html).toContain("Facilitated by: Youssef Benali");
    expect(html).toContain("Room: Salle Fès");
    expect(html).toContain("Seats: 40");
    expect(html).toContain("Seats left: 37");
    expect(html).toContain("Sign in to register");
    expect(html).not.toContain(DEMO_JOIN_CODE);
  });

  it("says the workshop is in Africa/Casablanca in Arabic too, with Latin digits", async () => {
    const html = await (await new HttpClient(app.url, { "Accept-Language": "ar" }).get(`/workshops/${demoId}`)).text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("المواعيد بتوقيت Africa/Casablanca.");
    expect(html).toContain("09:00");
  });

  it("links each reader to the next step: register, see their registration, or (organisers) the join code", async () => {
    const registeredParticipant = await (await (await signedIn("participante@majlis.test")).get(`/workshops/${demoId}`)).text();
    expect(registeredParticipant).toContain(`href="/workshops/${demoId}/registration"`);
    expect(registeredParticipant).not.toContain(`href="/workshops/${demoId}/edit"`);

    const observer = await (await (await signedIn("observateur@majlis.test")).get(`/workshops/${demoId}`)).text();
    expect(observer).toContain(`href="/workshops/${demoId}/register"`);

    const organiser = await (await (await signedIn("organisatrice@majlis.test")).get(`/workshops/${demoId}`)).text();
    expect(organiser).toContain(DEMO_JOIN_CODE);
    expect(organiser).toContain(`href="/workshops/${demoId}/sessions"`);
  });
});
