import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { HttpClient, useApp } from "../support/app";
import { checkedValues, pageHtml } from "../support/page-html";
import { TEST_PASSWORD, makeUser, makeWorkshop } from "../support/registration-fixtures";

const app = useApp();

async function signedIn(email: string, language = "en") {
  const client = new HttpClient(app.url, { "Accept-Language": language });
  await client.signIn(email, TEST_PASSWORD);
  return client;
}

const registrationsOf = (workshopId: string) => getDb().registration.findMany({ where: { workshopId } });

describe("registering for a workshop", () => {
  it("registers a remote participant for a session, makes them a participant and shows their check-in code", async () => {
    const { workshop, sessions } = await makeWorkshop({
      sessions: [
        { title: "Data", capacity: 10 },
        { title: "Réseaux", capacity: null },
      ],
    });
    const person = await makeUser("Salma Remote");
    const client = await signedIn(person.email);

    const form = await client.get(`/workshops/${workshop.id}/register`);
    expect(form.status).toBe(200);
    const formHtml = await pageHtml(form);
    expect(formHtml).toContain('value="IN_PERSON"');
    expect(formHtml).toContain('value="REMOTE"');
    expect(formHtml).toContain("0 / 10 seats taken");

    const response = await client.post(`/workshops/${workshop.id}/register`, {
      mode: "REMOTE",
      sessionId: sessions[1].id,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/workshops/${workshop.id}/registration?registered=1`);

    const [registration] = await registrationsOf(workshop.id);
    expect(registration).toMatchObject({
      userId: person.id,
      mode: "REMOTE",
      sessionId: sessions[1].id,
      checkedInAt: null,
    });
    expect(registration.checkInCode.length).toBeGreaterThanOrEqual(16);
    const membership = await getDb().membership.findUnique({
      where: { workshopId_userId: { workshopId: workshop.id, userId: person.id } },
    });
    expect(membership?.role).toBe("PARTICIPANT");

    const page = await client.get(`/workshops/${workshop.id}/registration?registered=1`);
    expect(page.status).toBe(200);
    const html = await pageHtml(page);
    expect(html).toContain("Your registration is saved.");
    expect(html).toContain("Remote");
    expect(html).toContain("Réseaux");
    expect(html).toContain("Not checked in yet");
    expect(html).toContain(registration.checkInCode);
    expect(html).toMatch(/<div class="qr[^"]*" role="img" aria-label="Check-in QR code of Salma Remote"><svg/);
  });

  it("sends people who are not signed in to the sign-in page and back", async () => {
    const { workshop } = await makeWorkshop({});
    const response = await new HttpClient(app.url).get(`/workshops/${workshop.id}/register`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/login?redirectTo=%2Fworkshops%2F${workshop.id}%2Fregister`);
  });

  it("refuses a full session with a clear message, keeps the choice and adds nothing", async () => {
    const { workshop, sessions } = await makeWorkshop({
      sessions: [
        { title: "Petite salle", capacity: 1 },
        { title: "Grande salle", capacity: 50 },
      ],
    });
    const first = await makeUser("First Comer");
    await (
      await signedIn(first.email)
    ).post(`/workshops/${workshop.id}/register`, { mode: "IN_PERSON", sessionId: sessions[0].id });

    const late = await makeUser("Late Comer");
    const client = await signedIn(late.email);
    const response = await client.post(`/workshops/${workshop.id}/register`, {
      mode: "REMOTE",
      sessionId: sessions[0].id,
    });
    expect(response.status).toBe(400);
    const html = await pageHtml(response);
    expect(html).toContain("This session is full. Please choose another one.");
    expect(checkedValues(html, "mode")).toEqual(["REMOTE"]);
    expect(checkedValues(html, "sessionId")).toEqual([sessions[0].id]);
    expect(await registrationsOf(workshop.id)).toHaveLength(1);

    const french = await (
      await signedIn(late.email, "fr")
    ).post(`/workshops/${workshop.id}/register`, {
      mode: "REMOTE",
      sessionId: sessions[0].id,
    });
    expect(await pageHtml(french)).toContain("Cette session est complète. Choisissez-en une autre.");
  });

  it("gives the last seats to exactly as many people as there are seats when they ask at the same moment", async () => {
    const { workshop, sessions } = await makeWorkshop({ sessions: [{ title: "Dernière place", capacity: 1 }] });
    const clients = await Promise.all(
      ["Racer One", "Racer Two"].map(async (name) => signedIn((await makeUser(name)).email))
    );
    const responses = await Promise.all(
      clients.map((client) =>
        client.post(`/workshops/${workshop.id}/register`, { mode: "IN_PERSON", sessionId: sessions[0].id })
      )
    );
    expect(responses.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await registrationsOf(workshop.id)).toHaveLength(1);

    const {
      workshop: larger,
      sessions: [session],
    } = await makeWorkshop({ sessions: [{ title: "Trois places", capacity: 3 }] });
    const crowd = await Promise.all(
      ["A", "B", "C", "D", "E", "F", "G", "H"].map(async (letter) =>
        signedIn((await makeUser(`Crowd ${letter}`)).email)
      )
    );
    const crowdResponses = await Promise.all(
      crowd.map((client) => client.post(`/workshops/${larger.id}/register`, { mode: "REMOTE", sessionId: session.id }))
    );
    expect(crowdResponses.filter((r) => r.status === 302)).toHaveLength(3);
    expect(crowdResponses.filter((r) => r.status === 400)).toHaveLength(5);
    expect(await registrationsOf(larger.id)).toHaveLength(3);
  });

  it("tells someone already registered so, instead of registering them twice", async () => {
    const { workshop, sessions } = await makeWorkshop({ sessions: [{ title: "Unique", capacity: null }] });
    const person = await makeUser("Twice Keen");
    const client = await signedIn(person.email);
    expect(
      (await client.post(`/workshops/${workshop.id}/register`, { mode: "IN_PERSON", sessionId: sessions[0].id })).status
    ).toBe(302);

    const again = await client.post(`/workshops/${workshop.id}/register`, {
      mode: "REMOTE",
      sessionId: sessions[0].id,
    });
    expect(again.status).toBe(400);
    expect(await pageHtml(again)).toContain("You are already registered for this workshop.");
    expect(await registrationsOf(workshop.id)).toHaveLength(1);

    const form = await pageHtml(await client.get(`/workshops/${workshop.id}/register`));
    expect(form).toContain("You are already registered for this workshop.");
    expect(form).toContain(`href="/workshops/${workshop.id}/registration"`);
  });

  it("offers only the attendance modes the workshop's format allows", async () => {
    const { workshop: inPerson } = await makeWorkshop({ format: "IN_PERSON" });
    const { workshop: online } = await makeWorkshop({ format: "ONLINE" });
    const person = await makeUser("Format Tester");
    const client = await signedIn(person.email);

    const inPersonForm = await pageHtml(await client.get(`/workshops/${inPerson.id}/register`));
    expect(inPersonForm).toContain('<input type="hidden" name="mode" value="IN_PERSON"/>');
    expect(inPersonForm).not.toContain('value="REMOTE"');
    const refusedRemote = await client.post(`/workshops/${inPerson.id}/register`, { mode: "REMOTE" });
    expect(refusedRemote.status).toBe(400);
    expect(await pageHtml(refusedRemote)).toContain("This way of taking part is not offered for this workshop.");

    const refusedInPerson = await client.post(`/workshops/${online.id}/register`, { mode: "IN_PERSON" });
    expect(refusedInPerson.status).toBe(400);
    expect(await registrationsOf(online.id)).toHaveLength(0);

    // Without parallel sessions there is nothing to choose: the registration has no session.
    expect((await client.post(`/workshops/${online.id}/register`, { mode: "REMOTE" })).status).toBe(302);
    expect((await registrationsOf(online.id))[0]).toMatchObject({ mode: "REMOTE", sessionId: null });
  });

  it("asks for a session when the workshop has some, and refuses another workshop's session or a made-up mode", async () => {
    const { workshop } = await makeWorkshop({ sessions: [{ title: "Ici", capacity: null }] });
    const { sessions: elsewhere } = await makeWorkshop({ sessions: [{ title: "Ailleurs", capacity: null }] });
    const client = await signedIn((await makeUser("Choosy Person")).email);

    const noSession = await client.post(`/workshops/${workshop.id}/register`, { mode: "REMOTE" });
    expect(noSession.status).toBe(400);
    expect(await pageHtml(noSession)).toContain("Choose a session.");

    const foreign = await client.post(`/workshops/${workshop.id}/register`, {
      mode: "REMOTE",
      sessionId: elsewhere[0].id,
    });
    expect(foreign.status).toBe(400);
    expect(await pageHtml(foreign)).toContain("This session does not exist in this workshop.");

    const badMode = await client.post(`/workshops/${workshop.id}/register`, { mode: "TELEPATHY" });
    expect(badMode.status).toBe(400);
    expect(await pageHtml(badMode)).toContain("Choose one of the options offered.");
    expect(await registrationsOf(workshop.id)).toHaveLength(0);
  });

  it("hides draft workshops from outsiders but lets their members register", async () => {
    const { workshop } = await makeWorkshop({ status: "DRAFT" });
    const outsider = await signedIn((await makeUser("Out Sider")).email);
    expect((await outsider.get(`/workshops/${workshop.id}/register`)).status).toBe(404);
    expect((await outsider.post(`/workshops/${workshop.id}/register`, { mode: "REMOTE" })).status).toBe(404);

    const member = await makeUser("In Sider", { workshopId: workshop.id, role: "OBSERVER" });
    const client = await signedIn(member.email);
    expect((await client.post(`/workshops/${workshop.id}/register`, { mode: "REMOTE" })).status).toBe(302);
    const membership = await getDb().membership.findUnique({
      where: { workshopId_userId: { workshopId: workshop.id, userId: member.id } },
    });
    expect(membership?.role).toBe("OBSERVER");
  });
});

describe("changing and cancelling one's registration", () => {
  it("moves to another session only where a seat is free, then cancels", async () => {
    const { workshop, sessions } = await makeWorkshop({
      sessions: [
        { title: "Salle A", capacity: 1 },
        { title: "Salle B", capacity: 1 },
      ],
    });
    const other = await makeUser("Seat Holder");
    await (
      await signedIn(other.email)
    ).post(`/workshops/${workshop.id}/register`, { mode: "IN_PERSON", sessionId: sessions[1].id });
    const person = await makeUser("Mover");
    const client = await signedIn(person.email);
    await client.post(`/workshops/${workshop.id}/register`, { mode: "IN_PERSON", sessionId: sessions[0].id });
    const path = `/workshops/${workshop.id}/registration`;

    // Staying in one's own full session is not "full" for oneself.
    const sameSession = await client.post(path, { intent: "change", mode: "REMOTE", sessionId: sessions[0].id });
    expect(sameSession.status).toBe(302);
    expect(sameSession.headers.get("location")).toBe(`${path}?updated=1`);

    const toFull = await client.post(path, { intent: "change", mode: "REMOTE", sessionId: sessions[1].id });
    expect(toFull.status).toBe(400);
    expect(await pageHtml(toFull)).toContain("This session is full. Please choose another one.");
    const mine = () =>
      getDb().registration.findUniqueOrThrow({
        where: { workshopId_userId: { workshopId: workshop.id, userId: person.id } },
      });
    expect(await mine()).toMatchObject({ mode: "REMOTE", sessionId: sessions[0].id });

    const cancelled = await client.post(path, { intent: "cancel" });
    expect(cancelled.status).toBe(302);
    expect(cancelled.headers.get("location")).toBe(`/workshops/${workshop.id}`);
    expect(await registrationsOf(workshop.id)).toHaveLength(1);
    const afterwards = await client.get(path);
    expect(afterwards.status).toBe(302);
    expect(afterwards.headers.get("location")).toBe(`/workshops/${workshop.id}/register`);

    // The freed seat can be taken again.
    expect(
      (await client.post(`/workshops/${workshop.id}/register`, { mode: "IN_PERSON", sessionId: sessions[0].id })).status
    ).toBe(302);
  });
});
