import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { PLENARY, type PresentPerson } from "~/live/protocol";
import { HttpClient } from "../support/app";
import { useLiveWorkshop } from "../support/live";
import { pageHtml } from "../support/page-html";

const live = useLiveWorkshop();

async function signedIn(email: string) {
  const http = new HttpClient(live.url, { "Accept-Language": "fr" });
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

describe("the room's projector screen", () => {
  it("opens for the session's facilitator with the join code and its QR code, full screen", async () => {
    const facilitator = await signedIn("facilitateur@majlis.test");
    const response = await facilitator.get(`/workshops/${live.workshopId}/screen/${live.sessions[0]}`);
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    expect(html).toContain("RABAT24");
    expect(html).toContain("QR code pour rejoindre l'atelier");
    expect(html).toContain("Session 1 — Mobilisation");
    expect(html).not.toContain('class="app-header"');
  });

  it("is refused to participants and to the facilitator of another session", async () => {
    const participant = await signedIn("participante@majlis.test");
    expect((await participant.get(`/workshops/${live.workshopId}/screen/${live.sessions[1]}`)).status).toBe(403);
    const otherFacilitator = await signedIn("facilitatrice@majlis.test");
    expect((await otherFacilitator.get(`/workshops/${live.workshopId}/screen/${live.sessions[0]}`)).status).toBe(403);
    expect((await otherFacilitator.get(`/workshops/${live.workshopId}/screen/${live.sessions[1]}`)).status).toBe(200);
    const organiser = await signedIn("organisatrice@majlis.test");
    expect((await organiser.get(`/workshops/${live.workshopId}/screen`)).status).toBe(200);
    expect((await organiser.get(`/workshops/${live.workshopId}/screen/no-such-session`)).status).toBe(404);
  });

  it("does not count the screen among the people present", async () => {
    const screen = await live.connectAs("organisatrice@majlis.test");
    const person = await live.connectAs("comite@majlis.test");
    expect((await screen.request("room:join", { workshopId: live.workshopId, room: PLENARY, display: true })).ok).toBe(true);
    const snapshot = await person.join(live.workshopId, PLENARY);
    expect(snapshot.present.map((p: PresentPerson) => p.name)).toEqual(["Fatima Zahra Alaoui"]);
  });
});
