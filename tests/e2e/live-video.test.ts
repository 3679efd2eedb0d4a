/**
 * The video panel of the live room with LiveKit configured. No LiveKit server can run here, so LIVEKIT_URL points
 * at a stand-in for one (tests/support/livekit.ts): what happens before connecting (devices, preview, the
 * facilitators' controls and recording) is real; connecting itself fails, as against a server that is down.
 * Chromium's fake camera and microphone stand in for real devices.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PLENARY } from "~/live/protocol";
import { createBoard } from "~/models/boards.server";
import { useApp } from "../support/app";
import { LAPTOP, PHONE, launchBrowser, seriousA11yViolations, signInWithBrowser } from "../support/browser";
import { seedDemo } from "../support/demo";
import { LiveClient } from "../support/live";
import { useLiveKitStandIn } from "../support/livekit";

let workshopId: string;
let sessions: Array<{ id: string; title: string }>;
beforeAll(async () => {
  workshopId = await seedDemo();
  sessions = await getDb().session.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, title: true } });
});
const liveKit = useLiveKitStandIn();
const app = useApp();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
});
afterAll(async () => {
  await browser?.close();
});

const clients: LiveClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  liveKit.current.reset();
  await getDb().callRecording.deleteMany({ where: { workshopId } });
  await getDb().liveRoomState.deleteMany({ where: { workshopId } });
});

async function openLiveRoom(email: string, room: string, device: typeof LAPTOP | typeof PHONE = LAPTOP) {
  const context = await browser.newContext({ ...device, locale: "en-GB", permissions: ["camera", "microphone"] });
  const page = await context.newPage();
  await signInWithBrowser(page, app.url, email, "majlis-demo-2023");
  await page.goto(`${app.url}/workshops/${workshopId}/live${room === PLENARY ? "" : `/${room}`}`);
  await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
  return { context, page, video: page.getByRole("region", { name: "Video" }) };
}

/** The labels a select offers, as the person sees them. */
const optionLabels = (page: Page, name: string) => page.getByRole("combobox", { name, exact: true }).locator("option").allTextContents();

describe("before joining the call", () => {
  it("lets a remote participant choose camera and microphone and see themselves, without the facilitators' controls", async () => {
    const { context, page, video } = await openLiveRoom("salma.bennani@majlis.test", sessions[0].id);
    const prejoin = video.getByRole("form", { name: "Before joining the call" });
    await prejoin.waitFor();
    // Remote: camera and microphone start on, and the call's sound too.
    expect(await prejoin.getByRole("checkbox", { name: "Camera on" }).isChecked()).toBe(true);
    expect(await prejoin.getByRole("checkbox", { name: "Microphone on" }).isChecked()).toBe(true);
    expect(await prejoin.getByRole("checkbox", { name: "Hear the call on this device" }).isChecked()).toBe(true);

    await expect.poll(() => optionLabels(page, "Camera")).toEqual(expect.arrayContaining([expect.stringMatching(/\S/)]));
    await expect.poll(() => optionLabels(page, "Microphone")).toEqual(expect.arrayContaining([expect.stringMatching(/\S/)]));
    expect((await optionLabels(page, "Camera")).join()).not.toContain("No device found");
    // The preview plays the (fake) camera.
    const preview = prejoin.getByLabel("Preview of your camera");
    await expect.poll(() => preview.evaluate((element: HTMLVideoElement) => element.videoWidth)).toBeGreaterThan(0);
    await prejoin.getByText("Microphone level").waitFor();

    expect(await video.getByRole("group", { name: "Call settings" }).count()).toBe(0);
    expect(await prejoin.getByRole("checkbox", { name: "This computer is the room's computer" }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Turning the camera off stops the preview.
    await prejoin.getByRole("checkbox", { name: "Camera on" }).uncheck();
    await prejoin.getByText("Camera off").waitFor();
    await context.close();
  });

  it("starts an in-person participant's phone folded and silent, so the room does not echo", async () => {
    const { context, page, video } = await openLiveRoom("hicham.ouazzani@majlis.test", sessions[0].id, PHONE);
    const unfold = video.getByRole("button", { name: "Show video" });
    expect(await unfold.getAttribute("aria-expanded")).toBe("false");
    // Folded, the panel takes little room: the live panels come right after it.
    expect((await video.boundingBox())!.height).toBeLessThan(120);
    await unfold.click();
    const prejoin = video.getByRole("form", { name: "Before joining the call" });
    await prejoin.getByText("You are in the room: your phone joins the call without microphone").waitFor();
    for (const name of ["Camera on", "Microphone on", "Hear the call on this device"]) {
      expect(await prejoin.getByRole("checkbox", { name }).isChecked()).toBe(false);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("facilitators", () => {
  it("see the call's controls, record the call, and everyone sees it listed with the session", async () => {
    const { context, page, video } = await openLiveRoom("facilitateur@majlis.test", sessions[0].id);
    const settings = video.getByRole("group", { name: "Call settings" });
    await settings.getByText("Participants may turn on their camera and microphone.").waitFor();
    expect(await video.getByRole("checkbox", { name: "This computer is the room's computer" }).count()).toBe(1);

    await settings.getByRole("button", { name: "Turn cameras and microphones off" }).click();
    await settings.getByText("Participants' cameras and microphones are off.").waitFor();
    expect(liveKit.current.received("ListParticipants").length).toBe(1);

    await settings.getByRole("button", { name: "Record the call" }).click();
    await settings.getByRole("button", { name: "Stop recording" }).waitFor();
    expect(liveKit.current.received("StartRoomCompositeEgress").length).toBe(1);
    await video.getByText("Recordings of the call").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A participant joining now sees the recording (and that they will only follow), not the controls.
    const participant = await openLiveRoom("salma.bennani@majlis.test", sessions[0].id);
    await participant.video.getByText("Recordings of the call").waitFor();
    await participant.video.getByText("The facilitators turned participants' cameras and microphones off for now: you see and hear.").waitFor();
    expect(await participant.video.getByRole("group", { name: "Call settings" }).count()).toBe(0);
    expect(await participant.video.getByRole("button", { name: "Stop recording" }).count()).toBe(0);

    await settings.getByRole("button", { name: "Stop recording" }).click();
    await settings.getByRole("button", { name: "Record the call" }).waitFor();
    expect(liveKit.current.received("StopEgress").length).toBe(1);
    await participant.context.close();
    await context.close();
  });
});

describe("joining", () => {
  it("says when the video server cannot be reached, and follows the person to the session they are moved to", async () => {
    const { context, page, video } = await openLiveRoom("salma.bennani@majlis.test", sessions[0].id);
    const firstToken = page.waitForResponse((response) => response.url().includes(`/api/livekit/token?`) && response.url().includes(sessions[0].id));
    await video.getByRole("button", { name: "Join the call" }).click();
    expect((await firstToken).status()).toBe(200);
    await video.getByText("Could not reach the video server.").waitFor({ timeout: 30_000 });

    // An organiser moves her to the other session: the page goes there, and the call asks to join that room.
    const nextToken = page.waitForResponse((response) => response.url().includes(`/api/livekit/token?`) && response.url().includes(sessions[1].id));
    const organiser = await LiveClient.signedIn(app.url, "organisatrice@majlis.test");
    clients.push(organiser);
    await organiser.join(workshopId, PLENARY);
    const salma = await getDb().user.findUniqueOrThrow({ where: { email: "salma.bennani@majlis.test" } });
    expect(await organiser.request("participant:move", { userId: salma.id, toRoom: sessions[1].id })).toMatchObject({ ok: true });
    await page.waitForURL(`**/live/${sessions[1].id}`);
    expect((await nextToken).status()).toBe(200);
    await page.getByRole("heading", { level: 1, name: sessions[1].title }).waitFor();
    await context.close();
  });
});

describe("beside the board", () => {
  it("opens the session's call next to its whiteboard, leaving the board in view", async () => {
    const facilitator = await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" } });
    const created = await createBoard({ workshopId, sessionId: sessions[0].id, actorId: facilitator.id, title: "Co-design", template: "FEATURES_MOSCOW", language: "en" });
    if (!created.ok) throw new Error("board not created");
    const context = await browser.newContext({ ...LAPTOP, locale: "en-GB", permissions: ["camera", "microphone"] });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "salma.bennani@majlis.test", "majlis-demo-2023");
    await page.goto(`${app.url}/workshops/${workshopId}/boards/${created.boardId}?lng=en`);
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.getByRole("button", { name: "Show video" }).click();
    await page.getByRole("region", { name: "Video" }).getByRole("form", { name: "Before joining the call" }).waitFor();
    // The board stays on screen beside the call.
    const canvas = await page.locator(".board-canvas").boundingBox();
    const side = await page.locator(".board-side").boundingBox();
    expect(canvas && side && canvas.width > 600 && side.x >= canvas.x + canvas.width - 1).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
