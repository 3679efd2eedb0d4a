import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_JOIN_CODE, DEMO_PASSWORD, seedDemoWorkshop } from "~/db/seed-demo.server";
import { HttpClient, useApp } from "../support/app";
import { pageHtml } from "../support/page-html";
import { parseCsv } from "../support/parse-csv";
import { TEST_PASSWORD, makeUser, makeWorkshop } from "../support/registration-fixtures";

let demo: { id: string; sessionIds: string[] };
beforeAll(async () => {
  await seedDemoWorkshop();
  const workshop = await getDb().workshop.findUniqueOrThrow({
    where: { joinCode: DEMO_JOIN_CODE },
    select: { id: true, sessions: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  demo = { id: workshop.id, sessionIds: workshop.sessions.map((s) => s.id) };
});
const app = useApp();

const english = () => new HttpClient(app.url, { "Accept-Language": "en" });

async function demoSignedIn(email: string, language = "en") {
  const client = new HttpClient(app.url, { "Accept-Language": language });
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

const registrationOf = (email: string) =>
  getDb().registration.findFirstOrThrow({ where: { workshopId: demo.id, user: { email } } });

describe("joining from a phone with the room's code", () => {
  it("finds the workshop whatever the case, spaces or dashes typed, and says so clearly for a wrong code", async () => {
    const client = english();
    const found = await client.post("/join", { code: " rabat-24 " });
    expect(found.status).toBe(302);
    expect(found.headers.get("location")).toBe("/join/RABAT24");

    const wrong = await client.post("/join", { code: "NOPE42" });
    expect(wrong.status).toBe(400);
    const html = await pageHtml(wrong);
    expect(html).toContain("No open workshop matches this code. Check the code shown in the room.");
    expect(html).toContain('value="NOPE42"');

    const empty = await client.post("/join", { code: "" });
    expect(empty.status).toBe(400);
    expect(await pageHtml(empty)).toContain("This field is required.");

    const unknownPage = await client.get("/join/NOPE42");
    expect(unknownPage.status).toBe(404);
    expect(await pageHtml(unknownPage)).toContain("No open workshop matches this code.");
  });

  it("creates a guest who gave only a name, registers them in person and signs them in", async () => {
    const client = english();
    const page = await client.get("/join/rabat24");
    expect(page.status).toBe(200);
    const html = await pageHtml(page);
    expect(html).toContain("Dispositif de mobilisation des compétences");
    expect(html).toContain('name="name"');
    expect(html).toContain(demo.sessionIds[1]);

    const joined = await client.post("/join/RABAT24", {
      name: "Youness Guest",
      email: "",
      sessionId: demo.sessionIds[1],
    });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe(`/workshops/${demo.id}/registration?registered=1`);
    expect(joined.headers.get("set-cookie")).toMatch(/majlis_session=[^;]+/);

    const guest = await getDb().user.findFirstOrThrow({
      where: { name: "Youness Guest" },
      include: { memberships: true, registrations: true },
    });
    expect(guest.passwordHash).toBeNull();
    expect(guest.email).toBeNull();
    expect(guest.memberships).toMatchObject([{ workshopId: demo.id, role: "PARTICIPANT" }]);
    expect(guest.registrations).toMatchObject([
      { workshopId: demo.id, mode: "IN_PERSON", sessionId: demo.sessionIds[1] },
    ]);

    const registrationPage = await client.get(`/workshops/${demo.id}/registration?registered=1`);
    expect(registrationPage.status).toBe(200);
    const registrationHtml = await pageHtml(registrationPage);
    expect(registrationHtml).toContain("Youness Guest");
    expect(registrationHtml).toContain(guest.registrations[0].checkInCode);
    expect(registrationHtml).toContain("<svg");
  });

  it("keeps what was typed and asks for a name and a session when they are missing", async () => {
    const response = await english().post("/join/RABAT24", { name: " ", email: "not-an-email" });
    expect(response.status).toBe(400);
    const html = await pageHtml(response);
    expect(html).toContain("This field is required.");
    expect(html).toContain('value="not-an-email"');
  });

  it("asks the owner of an existing account to sign in instead of taking the account over", async () => {
    const before = await getDb().user.count();
    const client = english();
    const response = await client.post("/join/RABAT24", {
      name: "Someone Else",
      email: "Participante@majlis.test",
      sessionId: demo.sessionIds[0],
    });
    expect(response.status).toBe(409);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await pageHtml(response);
    expect(html).toContain(
      "An account already exists with this e-mail address. Sign in to join the workshop with that account."
    );
    expect(html).toContain('href="/login?redirectTo=%2Fjoin%2FRABAT24"');
    expect(await getDb().user.count()).toBe(before);
  });

  it("joins a signed-in person with one click", async () => {
    const person = await makeUser("Signed Joiner");
    const client = english();
    await client.signIn(person.email, TEST_PASSWORD);
    const page = await pageHtml(await client.get("/join/RABAT24"));
    expect(page).toContain("You are signed in as Signed Joiner.");
    expect(page).not.toContain('name="name"');

    const joined = await client.post("/join/RABAT24", { sessionId: demo.sessionIds[0] });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe(`/workshops/${demo.id}/registration?registered=1`);
    expect(await registrationOf(person.email)).toMatchObject({ mode: "IN_PERSON", sessionId: demo.sessionIds[0] });
    expect(await pageHtml(await client.get("/join/RABAT24"))).toContain(
      "You are already registered for this workshop."
    );
  });

  it("cannot join a draft workshop, and a full session refuses guests without leaving an account behind", async () => {
    const { workshop: draft } = await makeWorkshop({ status: "DRAFT" });
    expect((await english().get(`/join/${draft.joinCode}`)).status).toBe(404);
    const draftPost = await english().post(`/join/${draft.joinCode}`, { name: "Too Early" });
    expect(draftPost.status).toBe(404);
    expect(await getDb().user.count({ where: { name: "Too Early" } })).toBe(0);

    const { workshop, sessions } = await makeWorkshop({ sessions: [{ title: "Complète", capacity: 0 }] });
    const full = await english().post(`/join/${workshop.joinCode}`, { name: "No Seat", sessionId: sessions[0].id });
    expect(full.status).toBe(400);
    const html = await pageHtml(full);
    expect(html).toContain("This session is full. Please choose another one.");
    expect(html).toContain('value="No Seat"');
    expect(await getDb().user.count({ where: { name: "No Seat" } })).toBe(0);
  });
});

describe("joining in bulk from one address", () => {
  it("stops a script creating guests without end, keeping what was typed, while the room's normal flow passes", async () => {
    // As if this address had already created 500 guest accounts today.
    const flooded = { failures: 500, lastFailure: new Date() };
    await getDb().loginThrottle.upsert({ where: { key: "join:127.0.0.1" }, create: { key: "join:127.0.0.1", ...flooded }, update: flooded });
    const refused = await english().post("/join/RABAT24", { name: "Bot Number 501", email: "", sessionId: "" });
    expect(refused.status).toBe(429);
    const html = await pageHtml(refused);
    expect(html).toMatch(/Too many attempts\. Try again in \d+ seconds\./);
    expect(html).toContain('value="Bot Number 501"');
    expect(await getDb().user.count({ where: { name: "Bot Number 501" } })).toBe(0);
    await getDb().loginThrottle.deleteMany({ where: { key: "join:127.0.0.1" } });

    const accepted = await english().post("/join/RABAT24", { name: "Real Person", email: "", sessionId: demo.sessionIds[0] });
    expect(accepted.status).toBe(302);
  });
});

describe("the room's screen", () => {
  it("shows organisers the join QR code, the code in big letters and the address", async () => {
    const organiser = await demoSignedIn("organisatrice@majlis.test");
    const response = await organiser.get(`/workshops/${demo.id}/room`);
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    expect(html).toContain("Dispositif de mobilisation des compétences");
    expect(html).toMatch(/class="room-display__code"[^>]*>RABAT24</);
    expect(html).toContain(`${app.url}/join`);
    expect(html).toMatch(/role="img" aria-label="QR code to join the workshop"><svg/);

    const participant = await demoSignedIn("participante@majlis.test");
    expect((await participant.get(`/workshops/${demo.id}/room`)).status).toBe(403);
  });
});

describe("checking people in at the door", () => {
  it("checks a participant in from the QR code on their phone, once, with who and when", async () => {
    const organiser = await demoSignedIn("organisatrice@majlis.test");
    const registration = await registrationOf("salma.bennani@majlis.test");
    const path = `/workshops/${demo.id}/checkin/${registration.checkInCode}`;

    const page = await organiser.get(path);
    expect(page.status).toBe(200);
    expect(await pageHtml(page)).toContain("Check Salma Bennani in");
    expect((await registrationOf("salma.bennani@majlis.test")).checkedInAt).toBeNull();

    const checked = await organiser.post(path, {});
    expect(checked.status).toBe(302);
    expect(checked.headers.get("location")).toBe(`${path}?done=1`);
    const stored = await registrationOf("salma.bennani@majlis.test");
    const samira = await getDb().user.findUniqueOrThrow({ where: { email: "organisatrice@majlis.test" } });
    expect(stored.checkedInAt).toBeInstanceOf(Date);
    expect(stored.checkedInById).toBe(samira.id);
    expect(
      await getDb().auditLog.findMany({
        where: { subjectId: registration.id },
        select: { action: true, actorId: true, workshopId: true },
      })
    ).toEqual([{ action: "registration.checkIn", actorId: samira.id, workshopId: demo.id }]);
    expect(await pageHtml(await organiser.get(`${path}?done=1`))).toMatch(/Salma Bennani checked in at \d\d:\d\d\./);

    const again = await organiser.post(path, {});
    expect(again.headers.get("location")).toBe(path);
    expect(await pageHtml(await organiser.get(path))).toMatch(
      /Salma Bennani already checked in at \d\d:\d\d \(recorded by Samira El Idrissi\)\./
    );
    expect((await registrationOf("salma.bennani@majlis.test")).checkedInAt).toEqual(stored.checkedInAt);
  });

  it("says clearly that an unknown check-in code matches nobody", async () => {
    const organiser = await demoSignedIn("organisatrice@majlis.test");
    const response = await organiser.get(`/workshops/${demo.id}/checkin/not-a-real-code`);
    expect(response.status).toBe(404);
    expect(await pageHtml(response)).toContain("This check-in code does not match any registration of this workshop.");
    expect((await organiser.post(`/workshops/${demo.id}/checkin/not-a-real-code`, {})).status).toBe(404);
  });

  it("refuses participants who open someone's check-in link, and records nothing", async () => {
    const registration = await registrationOf("mehdi.berrada@majlis.test");
    const participant = await demoSignedIn("participante@majlis.test");
    const path = `/workshops/${demo.id}/checkin/${registration.checkInCode}`;
    expect((await participant.get(path)).status).toBe(403);
    expect((await participant.post(path, {})).status).toBe(403);
    expect((await participant.get(`/workshops/${demo.id}/checkin?q=mehdi`)).status).toBe(403);
    expect(
      (await participant.post(`/workshops/${demo.id}/checkin`, { intent: "checkIn", registrationId: registration.id }))
        .status
    ).toBe(403);
    expect(await registrationOf("mehdi.berrada@majlis.test")).toMatchObject({ checkedInAt: null, checkedInById: null });
    expect(await getDb().auditLog.count({ where: { subjectId: registration.id } })).toBe(0);

    const anonymous = await english().post(path, {});
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("finds people by name without caring about case or accents, checks them in and undoes it", async () => {
    const organiser = await demoSignedIn("organisatrice@majlis.test");
    const desk = `/workshops/${demo.id}/checkin`;
    const before = await pageHtml(await organiser.get(desk));
    const inPersonExpected = await getDb().registration.count({ where: { workshopId: demo.id, mode: "IN_PERSON" } });
    expect(before).toMatch(new RegExp(`\\d+ arrived out of ${inPersonExpected} expected in person`));

    const search = await organiser.get(`${desk}?q=${encodeURIComponent("RÂCHID")}`);
    expect(search.status).toBe(200);
    const html = await pageHtml(search);
    expect(html).toContain("Rachid El Mansouri");
    expect(html).not.toContain("Hicham Ouazzani");
    const rachid = await registrationOf("rachid.elmansouri@majlis.test");

    const checked = await organiser.post(desk, { intent: "checkIn", registrationId: rachid.id, q: "RÂCHID" });
    expect(checked.status).toBe(302);
    const next = checked.headers.get("location") ?? "";
    expect(next).toContain(`last=${rachid.id}`);
    expect((await registrationOf("rachid.elmansouri@majlis.test")).checkedInAt).toBeInstanceOf(Date);
    const after = await pageHtml(await organiser.get(next));
    expect(after).toMatch(/Rachid El Mansouri checked in at \d\d:\d\d\./);
    expect(after).toContain('value="undo"');

    const undone = await organiser.post(desk, { intent: "undo", registrationId: rachid.id, q: "rachid" });
    expect(undone.status).toBe(302);
    expect(await registrationOf("rachid.elmansouri@majlis.test")).toMatchObject({
      checkedInAt: null,
      checkedInById: null,
    });
    expect(await pageHtml(await organiser.get(undone.headers.get("location") ?? ""))).toContain(
      "Check-in of Rachid El Mansouri undone."
    );
    const actions = await getDb().auditLog.findMany({
      where: { subjectId: rachid.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["registration.checkIn", "registration.checkInUndone"]);
  });
});

describe("one workshop's registrations stay in that workshop", () => {
  it("never reads or changes a registration of workshop A through workshop B's addresses", async () => {
    const { workshop: other } = await makeWorkshop({});
    const samira = await getDb().user.findUniqueOrThrow({ where: { email: "organisatrice@majlis.test" } });
    await getDb().membership.create({ data: { workshopId: other.id, userId: samira.id, role: "ORGANISER" } });
    const organiser = await demoSignedIn("organisatrice@majlis.test");
    const imane = await registrationOf("imane.kettani@majlis.test");

    expect((await organiser.get(`/workshops/${other.id}/checkin/${imane.checkInCode}`)).status).toBe(404);
    expect((await organiser.post(`/workshops/${other.id}/checkin/${imane.checkInCode}`, {})).status).toBe(404);
    expect(
      (await organiser.post(`/workshops/${other.id}/checkin`, { intent: "checkIn", registrationId: imane.id })).status
    ).toBe(404);
    expect(
      (await organiser.post(`/workshops/${other.id}/checkin`, { intent: "undo", registrationId: imane.id })).status
    ).toBe(404);
    expect(await registrationOf("imane.kettani@majlis.test")).toMatchObject({ checkedInAt: null });

    const list = await pageHtml(await organiser.get(`/workshops/${other.id}/registrations`));
    expect(list).not.toContain("Imane Kettani");
    const csv = await (await organiser.get(`/workshops/${other.id}/registrations.csv`)).text();
    expect(csv).not.toContain("Imane Kettani");
    expect(await pageHtml(await organiser.get(`/workshops/${other.id}/checkin?q=imane`))).not.toContain(
      "Imane Kettani"
    );
  });
});

describe("the organiser's list of registrations", () => {
  it("lists, searches and filters registrations with counts per session and mode; participants are refused", async () => {
    const organiser = await demoSignedIn("organisatrice@majlis.test");
    const path = `/workshops/${demo.id}/registrations`;
    const all = await organiser.get(path);
    expect(all.status).toBe(200);
    const html = await pageHtml(all);
    for (const name of ["Leila Amrani", "Hicham Ouazzani", "Imane Kettani"]) expect(html).toContain(name);
    expect(html).toContain("Session 1 — Mobilisation des compétences");
    expect(html).toMatch(/In person: \d+/);
    expect(html).toContain('href="/workshops/' + demo.id + '/registrations.csv"');

    const remoteInSession2 = await pageHtml(await organiser.get(`${path}?mode=REMOTE&session=${demo.sessionIds[1]}`));
    expect(remoteInSession2).toContain("Imane Kettani");
    expect(remoteInSession2).not.toContain("Rachid El Mansouri");
    expect(remoteInSession2).toContain(
      `href="/workshops/${demo.id}/registrations.csv?mode=REMOTE&session=${demo.sessionIds[1]}"`
    );

    const searched = await pageHtml(await organiser.get(`${path}?q=OUAZZANI`));
    expect(searched).toContain("Hicham Ouazzani");
    expect(searched).not.toContain("Leila Amrani");

    const participant = await demoSignedIn("participante@majlis.test");
    expect((await participant.get(path)).status).toBe(403);
    expect((await participant.get(`${path}.csv`)).status).toBe(403);
  });

  it("exports a CSV that Excel opens with Arabic names intact and formulas defused", async () => {
    const { workshop, sessions, organiser } = await makeWorkshop({
      sessions: [{ title: 'Data, "exigences"', capacity: null }],
    });
    const arabic = await makeUser("ليلى العمراني");
    const trap = await makeUser('=HYPERLINK("http://evil.test","x")');
    for (const person of [arabic, trap]) {
      const client = new HttpClient(app.url);
      await client.signIn(person.email, TEST_PASSWORD);
      expect(
        (await client.post(`/workshops/${workshop.id}/register`, { mode: "REMOTE", sessionId: sessions[0].id })).status
      ).toBe(302);
    }
    const client = new HttpClient(app.url, { "Accept-Language": "en" });
    await client.signIn(organiser.email, TEST_PASSWORD);

    const response = await client.get(`/workshops/${workshop.id}/registrations.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="registrations-${workshop.joinCode.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`)
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1));
    expect(rows[0]).toEqual(["Name", "E-mail", "Mode", "Session", "Registered on", "Arrived at"]);
    expect(rows).toHaveLength(3);
    const byEmail = new Map(rows.slice(1).map((row) => [row[1], row]));
    expect(byEmail.get(arabic.email)).toEqual([
      "ليلى العمراني",
      arabic.email,
      "Remote",
      'Data, "exigences"',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      "",
    ]);
    expect(byEmail.get(trap.email)?.[0]).toBe('\'=HYPERLINK("http://evil.test","x")');

    const french = new HttpClient(app.url, { "Accept-Language": "fr" });
    await french.signIn(organiser.email, TEST_PASSWORD);
    const frenchCsv = await (
      await french.get(`/workshops/${workshop.id}/registrations.csv?q=${encodeURIComponent("ليلى")}`)
    ).text();
    const frenchRows = parseCsv(frenchCsv.replace(/^\uFEFF/, ""));
    expect(frenchRows[0]).toEqual(["Nom", "E-mail", "Mode", "Session", "Inscrit·e le", "Arrivé·e à"]);
    expect(frenchRows.slice(1).map((row) => row[0])).toEqual(["ليلى العمراني"]);
    expect(frenchRows[1][2]).toBe("À distance");
  });
});
