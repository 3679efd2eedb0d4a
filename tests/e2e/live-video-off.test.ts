import { beforeAll, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

// No LIVEKIT_* variables: the live room works as before, and says that video is not set up.
const app = useAppInBrowser();

let sessionId: string;
beforeAll(async () => {
  sessionId = (await getDb().session.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" } })).id;
});

it.each([
  ["a laptop", LAPTOP],
  ["a phone", PHONE],
])("the live room on %s says video is not set up, and everything else works", async (_, device) => {
  const context = await app.browser.newContext({ ...device, locale: "en-GB" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signInWithBrowser(page, app.url, "salma.bennani@majlis.test", "majlis-demo-2023");
  await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/live/${sessionId}`);
  await page.getByRole("status").filter({ hasText: "Live" }).waitFor();

  const video = page.getByRole("region", { name: "Video" });
  await video.getByText("Video is not set up on this server.").waitFor();
  expect(await video.getByRole("button").count()).toBe(0);

  // The live panels are there and work: a chat message goes through.
  const chat = page.getByRole("region", { name: "Chat" });
  const message = `Bonjour depuis ${device === PHONE ? "mon téléphone" : "mon ordinateur"}`;
  await chat.getByRole("textbox").fill(message);
  await chat.getByRole("button", { name: "Send" }).click();
  await chat.getByText(message).waitFor();

  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
