import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { LiveClient } from "../support/live";
import { seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();
const clients: LiveClient[] = [];
afterEach(() => clients.splice(0).forEach((client) => client.close()));

const PROJECTOR = { viewport: { width: 1920, height: 1080 } };

describe("the room's projector screen, in a real browser", () => {
  it("follows the room live: a timer, the open poll's results and the most supported questions", async () => {
    const session = await getDb().session.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" } });
    const context = await app.browser.newContext({ ...PROJECTOR, locale: "fr-FR" });
    const screen = await context.newPage();
    await signInWithBrowser(screen, app.url, "facilitateur@majlis.test", DEMO_PASSWORD);
    // The facilitator finds the screen from the live room.
    await screen.goto(`${app.url}/workshops/${app.demoWorkshopId}/live/${session.id}`);
    const link = screen.getByRole("link", { name: "Écran de la salle" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`/workshops/${app.demoWorkshopId}/screen/${session.id}`);
    await screen.goto(`${app.url}/workshops/${app.demoWorkshopId}/screen/${session.id}`);
    await screen.locator(".live-status--online").waitFor();
    await screen.locator(".room-screen__code", { hasText: "RABAT24" }).waitFor();
    await screen.getByText("Pas de minuteur en cours.").waitFor();

    // The facilitator runs the room from a phone while the screen shows it.
    const facilitator = await LiveClient.signedIn(app.url, "facilitateur@majlis.test");
    const participant = await LiveClient.signedIn(app.url, "hicham.ouazzani@majlis.test");
    clients.push(facilitator, participant);
    await facilitator.join(app.demoWorkshopId, session.id);
    await participant.join(app.demoWorkshopId, session.id);

    expect((await facilitator.request("timer:start", { durationMs: 5 * 60_000, scope: "room" })).ok).toBe(true);
    await screen.locator(".room-screen__timer").getByText(/^(5:00|4:5\d)$/).waitFor();

    const created = await facilitator.request<{ poll: { id: string } }>("poll:create", {
      question: "Quel accompagnement compte le plus ?",
      kind: "SINGLE",
      options: ["Mentorat", "Financement"],
      anonymous: true,
      openNow: true,
    });
    expect(created.ok).toBe(true);
    await screen.getByText("Quel accompagnement compte le plus ?").waitFor();
    const pollId = created.ok ? created.data.poll.id : "";
    expect((await participant.request("poll:vote", { pollId, choices: [1] })).ok).toBe(true);
    await screen.locator(".room-screen__poll").getByText(/Financement/).waitFor();
    await screen.locator(".room-screen__poll").getByText(/100/).waitFor();

    expect((await participant.request("question:ask", { clientId: "screen-q-1", body: "Comment rejoindre le réseau ?", anonymous: false })).ok).toBe(true);
    await screen.locator(".room-screen__questions").getByText("Comment rejoindre le réseau ?").waitFor();

    expect(await seriousA11yViolations(screen)).toEqual([]);
    await context.close();
  });
});
