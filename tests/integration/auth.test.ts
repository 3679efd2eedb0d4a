import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD, seedDemoWorkshop } from "~/db/seed-demo.server";
import { HttpClient, useApp } from "../support/app";

beforeAll(async () => {
  await seedDemoWorkshop();
});
const app = useApp();

describe("signing in and out", () => {
  it("signs in with the form's email and password fields, then out again", async () => {
    const browser = new HttpClient(app.url);
    const signedIn = await browser.post("/login", { email: "Rapporteur@majlis.test", password: DEMO_PASSWORD, redirectTo: "/?x=1" });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe("/?x=1");
    const cookie = signedIn.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await (await browser.get("/")).text()).toContain("Karim Tazi");

    expect((await browser.post("/logout", {})).status).toBe(302);
    expect(await (await browser.get("/")).text()).not.toContain("Karim Tazi");
  });

  it("signing out revokes the session on the server, even for a copied cookie", async () => {
    const browser = new HttpClient(app.url);
    const response = await browser.signIn("comite@majlis.test", DEMO_PASSWORD);
    const stolenCookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
    await browser.post("/logout", {});
    const replay = await fetch(`${app.url}/`, { headers: { Cookie: stolenCookie } });
    expect(await replay.text()).not.toContain("Fatima Zahra Alaoui");
  });

  it("refuses a wrong password with one clear message in the user's language, keeping the e-mail typed", async () => {
    const browser = new HttpClient(app.url, { "Accept-Language": "en" });
    const response = await browser.post("/login", { email: "observateur@majlis.test", password: "wrong-password" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Wrong e-mail address or password.");
    expect(html).toContain('value="observateur@majlis.test"');
    expect(response.headers.get("set-cookie") ?? "").not.toMatch(/majlis_session=[^;]+/);
  });

  it("gives field errors for an empty form, in Arabic for an Arabic reader", async () => {
    const browser = new HttpClient(app.url, { "Accept-Language": "ar" });
    const response = await browser.post("/login", { email: "", password: "" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("هذا الحقل إلزامي.");
  });

  it("slows down repeated wrong passwords for an account, then still accepts the right one after the wait", async () => {
    const browser = new HttpClient(app.url, { "Accept-Language": "fr" });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await browser.post("/login", { email: "pair@majlis.test", password: `guess-${attempt}` })).status).toBe(400);
    }
    const throttled = await browser.post("/login", { email: "pair@majlis.test", password: DEMO_PASSWORD });
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toMatch(/Trop de tentatives\. Réessayez dans \d+ secondes\./);

    // Once the wait is over (moved back in time here), the right password works and the count is cleared.
    await getDb().loginThrottle.updateMany({ data: { lastFailure: new Date(Date.now() - 60 * 60 * 1000) } });
    expect((await browser.post("/login", { email: "pair@majlis.test", password: DEMO_PASSWORD })).status).toBe(302);
    expect(await getDb().loginThrottle.count({ where: { key: "email:pair@majlis.test" } })).toBe(0);
  });

  it("never redirects to another site after signing in", async () => {
    const browser = new HttpClient(app.url);
    const response = await browser.post("/login", { email: "facilitateur@majlis.test", password: DEMO_PASSWORD, redirectTo: "//evil.example/" });
    expect(response.headers.get("location")).toBe("/");
  });
});

describe("the demo seed", () => {
  it("can run again without duplicating anything", async () => {
    const db = getDb();
    const before = await Promise.all([db.user.count(), db.workshop.count(), db.session.count(), db.agendaItem.count(), db.registration.count()]);
    await seedDemoWorkshop();
    const after = await Promise.all([db.user.count(), db.workshop.count(), db.session.count(), db.agendaItem.count(), db.registration.count()]);
    expect(after).toEqual(before);
    expect(before[2]).toBe(2);
  });
});

describe("language", () => {
  it("remembers ?lng= for visitors, and on the account of signed-in users", async () => {
    const visitor = new HttpClient(app.url, { "Accept-Language": "fr" });
    expect(await (await visitor.get("/?lng=en")).text()).toContain('lang="en"');
    expect(await (await visitor.get("/")).text()).toContain('lang="en"');

    const member = new HttpClient(app.url, { "Accept-Language": "fr" });
    await member.signIn("participante@majlis.test", DEMO_PASSWORD);
    await member.get("/?lng=ar");
    const user = await getDb().user.findUnique({ where: { email: "participante@majlis.test" } });
    expect(user?.locale).toBe("ar");
  });
});
