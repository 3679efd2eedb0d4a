import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_JOIN_CODE, DEMO_PASSWORD } from "~/db/seed-demo.server";
import { createUser } from "~/models/user.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("joining, registering and checking in, in a real browser", () => {
  it("an in-person participant joins from their phone with the room's code and gets their check-in QR code", async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${app.url}/join/${DEMO_JOIN_CODE}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome!");
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Phone-first: nothing overflows sideways and the main button is a comfortable touch target.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const button = await page.getByRole("button", { name: "Join the workshop" }).boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(48);

    await page.getByLabel("Your name").fill("Nour Benjelloun");
    await page.getByText("Session 2 — Data et exigences fonctionnelles et techniques").click();
    await Promise.all([
      page.waitForURL(new RegExp(`/workshops/${app.demoWorkshopId}/registration`)),
      page.getByRole("button", { name: "Join the workshop" }).click(),
    ]);
    await page.getByText("Your registration is saved.").waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "My registration" }).count()).toBe(1);
    const qr = page.getByRole("img", { name: "Check-in QR code of Nour Benjelloun" });
    expect(await qr.locator("svg").isVisible()).toBe(true);
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(250);
    expect(await page.locator(".app-header__user").textContent()).toBe("Nour Benjelloun");
    expect(await seriousA11yViolations(page)).toEqual([]);

    const guest = await getDb().user.findFirstOrThrow({
      where: { name: "Nour Benjelloun" },
      include: { registrations: true },
    });
    expect(guest.registrations).toMatchObject([{ workshopId: app.demoWorkshopId, mode: "IN_PERSON" }]);
    await context.close();
  });

  it("the join page reads right to left and stays accessible in Arabic on a phone", async () => {
    const context = await app.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${app.url}/join?lng=ar`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByLabel("رمز الورشة").fill("nope 42");
    await page.getByRole("button", { name: "متابعة" }).click();
    await page.getByText("لا توجد ورشة مفتوحة بهذا الرمز.").first().waitFor();
    expect(await page.getByLabel("رمز الورشة").inputValue()).toBe("nope 42");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("a remote participant registers for a session from a laptop", async () => {
    const password = "remote-participant-2023";
    await createUser({ email: "remote.laptop@example.test", name: "Yasmine Remote", password });
    const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "remote.laptop@example.test", password);
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/register`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("radio", { name: /À distance/ }).check();
    await page.getByRole("radio", { name: /Session 1 — Mobilisation des compétences/ }).check();
    await Promise.all([
      page.waitForURL(new RegExp(`/workshops/${app.demoWorkshopId}/registration`)),
      page.getByRole("button", { name: "M'inscrire" }).click(),
    ]);
    await page.getByText("Votre inscription est enregistrée.").waitFor();
    expect(await page.locator(".facts").textContent()).toContain("À distance");
    expect(await seriousA11yViolations(page)).toEqual([]);

    const registration = await getDb().registration.findFirstOrThrow({
      where: { workshopId: app.demoWorkshopId, user: { email: "remote.laptop@example.test" } },
      include: { session: true },
    });
    expect(registration.mode).toBe("REMOTE");
    expect(registration.session?.position).toBe(0);
    await context.close();
  });

  it("the organiser checks someone in at the door by searching their name (and the organiser pages stay accessible)", async () => {
    const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);
    for (const tab of ["registrations", "room"]) {
      await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/${tab}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/checkin`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel("Nom ou adresse e-mail").fill("mehdi");
    await Promise.all([page.waitForURL(/q=mehdi/), page.getByRole("button", { name: "Rechercher" }).click()]);
    const person = page.locator(".checkin-list__item", { hasText: "Mehdi Berrada" });
    await person.getByText("Pas encore arrivé·e").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForURL(/outcome=checkedIn/),
      person.getByRole("button", { name: /Enregistrer l'arrivée/ }).click(),
    ]);
    await page.getByText(/Arrivée de Mehdi Berrada enregistrée à \d\d:\d\d\./).waitFor();
    expect(await person.getByRole("button", { name: /Annuler/ }).count()).toBe(1);

    const registration = await getDb().registration.findFirstOrThrow({
      where: { workshopId: app.demoWorkshopId, user: { email: "mehdi.berrada@majlis.test" } },
      include: { checkedInBy: true },
    });
    expect(registration.checkedInAt).toBeInstanceOf(Date);
    expect(registration.checkedInBy?.email).toBe("organisatrice@majlis.test");
    await context.close();
  });
});
