import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { PLENARY } from "~/live/protocol";
import { HttpClient } from "../support/app";
import { pageHtml, visibleText } from "../support/page-html";
import { useLiveWorkshop } from "../support/live";

// No LIVEKIT_* variables: video is simply not set up.
const live = useLiveWorkshop();

describe("without LiveKit", () => {
  it("answers the call routes with 503 and a message that says what to set", async () => {
    const http = new HttpClient(live.url);
    await http.signIn("salma.bennani@majlis.test", DEMO_PASSWORD);
    for (const response of [
      await http.get(`/api/livekit/token?sessionId=${live.sessions[0]}`),
      await http.get(`/api/livekit/room?sessionId=${PLENARY}&workshopId=${live.workshopId}`),
      await fetch(`${live.url}/api/livekit/webhook`, { method: "POST", body: "{}" }),
    ]) {
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("notConfigured");
      expect(body.message).toMatch(/LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET/);
    }
  });

  it("still serves the live room, whose video panel says video is not set up", async () => {
    const http = new HttpClient(live.url, { "Accept-Language": "en" });
    await http.signIn("salma.bennani@majlis.test", DEMO_PASSWORD);
    const response = await http.get(`/workshops/${live.workshopId}/live/${live.sessions[0]}`);
    expect(response.status).toBe(200);
    const text = visibleText(await pageHtml(response));
    expect(text).toContain("Video is not set up on this server.");
    expect(text).toContain("Chat");
  });
});
