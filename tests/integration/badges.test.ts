import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";
import { pageHtml } from "../support/page-html";

let workshopId: string;
beforeAll(async () => {
  workshopId = await seedDemo();
});
const app = useApp();

async function signedIn(email: string) {
  const client = new HttpClient(app.url, { "Accept-Language": "fr" });
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

describe("printable badges", () => {
  it("gives the organiser one badge per in-person registrant, each with the QR code that checks them in", async () => {
    const organiser = await signedIn("organisatrice@majlis.test");
    const response = await organiser.get(`/workshops/${workshopId}/badges`);
    expect(response.status).toBe(200);
    const html = await pageHtml(response);

    const registrations = await getDb().registration.findMany({ where: { workshopId }, include: { user: true } });
    const inPerson = registrations.filter((r) => r.mode === "IN_PERSON");
    const remote = registrations.filter((r) => r.mode === "REMOTE");
    expect(inPerson.length).toBeGreaterThan(0);
    expect(html.match(/class="badge-card"/g)?.length).toBe(inPerson.length);
    for (const registration of inPerson) {
      expect(html).toContain(`QR code d'arrivée de ${registration.user.name}`);
    }
    for (const registration of remote) expect(html).not.toContain(registration.user.name);
    expect(html).toContain("<svg");
  });

  it("is refused to participants, who must not print other people's check-in codes", async () => {
    const participant = await signedIn("participante@majlis.test");
    const response = await participant.get(`/workshops/${workshopId}/badges`);
    expect(response.status).toBe(403);
    expect(await pageHtml(response)).not.toContain("badge-card");
  });
});
