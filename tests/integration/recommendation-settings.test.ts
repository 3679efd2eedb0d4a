import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { HttpClient, useApp } from "../support/app";
import { demoSessions } from "../support/boards";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";

const app = useApp();
let workshopId: string;
let sessions: Array<{ id: string; title: string }>;

beforeAll(async () => {
  workshopId = await seedDemo();
  sessions = await demoSessions(workshopId);
});

async function signedIn(email: string) {
  const http = new HttpClient(app.url, { "Accept-Language": "fr" });
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

const settingsOf = () =>
  getDb().workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { supportsPerPerson: true, sessions: { select: { id: true, participantsMayRecommend: true } } } });

describe("recommendation settings", () => {
  it("lets organisers set the supports per participant and open a session to participants' own recommendations", async () => {
    const organiser = await signedIn("organisatrice@majlis.test");
    const sent = await organiser.post(`/workshops/${workshopId}/recommendations`, { intent: "settings", supportsPerPerson: "3", openSessionIds: [sessions[1].id] });
    expect(sent.status).toBe(302);
    const settings = await settingsOf();
    expect(settings.supportsPerPerson).toBe(3);
    expect(settings.sessions.find((session) => session.id === sessions[1].id)?.participantsMayRecommend).toBe(true);
    expect(settings.sessions.find((session) => session.id === sessions[0].id)?.participantsMayRecommend).toBe(false);

    // The participant of session 2 now finds the form to write one.
    const participant = await signedIn("participante@majlis.test");
    const page = await participant.get(`/workshops/${workshopId}/recommendations`);
    expect(visibleText(await pageHtml(page))).toContain("Rédiger une recommandation");
  });

  it("refuses a number out of range with a message, and anyone but organisers, changing nothing", async () => {
    const before = await settingsOf();
    const organiser = await signedIn("organisatrice@majlis.test");
    const refused = await organiser.post(`/workshops/${workshopId}/recommendations`, { intent: "settings", supportsPerPerson: "0" });
    expect(refused.status).toBe(400);
    expect(visibleText(await pageHtml(refused))).toContain("Indiquez un nombre entier entre 1 et 50.");

    const facilitator = await signedIn("facilitateur@majlis.test");
    const forbidden = await facilitator.post(`/workshops/${workshopId}/recommendations`, { intent: "settings", supportsPerPerson: "40", openSessionIds: [sessions[0].id] });
    expect(forbidden.status).toBe(403);
    expect(await settingsOf()).toEqual(before);
  });
});
