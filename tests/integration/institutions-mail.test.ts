import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { translatorFor } from "~/i18n/i18n";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

// The same flow as in institutions.test.ts, with mail configured: this file's server reads SMTP_URL when it starts.
let smtp: TestSmtpServer;
let ccmeId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  await seedDemo();
  ccmeId = (await getDb().user.findUniqueOrThrow({ where: { email: "observateur@majlis.test" } })).organisationId!;
});
afterAll(async () => {
  await smtp?.close();
  delete process.env.SMTP_URL;
});
const app = useApp();

describe("adding a colleague with e-mail configured", () => {
  it("mails the new account's set-password link in the admin's language, and shows it too", async () => {
    const admin = new HttpClient(app.url, { "Accept-Language": "en" });
    await admin.signIn("observateur@majlis.test", DEMO_PASSWORD);
    const email = "nouveau.collegue@ccme.example";
    const response = await admin.post(`/institutions/${ccmeId}/people`, { intent: "addColleague", email, name: "Nouveau Collègue" });
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    expect(visibleText(html)).toContain(translatorFor("en")("institutions:people.emailSent", { name: "Nouveau Collègue", email }));

    const mail = await smtp.waitForMail((m) => m.to.includes(email));
    expect(mail.text).toContain("Hello Nouveau Collègue");
    expect(mail.text).toContain("Omar Fassi added you");
    expect(mail.text).toContain("Conseil de la communauté marocaine à l'étranger (CCME)");
    const link = /(https?:\/\/\S+\/reset-password\/[\w-]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    expect(new URL(link!).origin).toBe(app.url);
    expect(html).toContain(link!);

    // Valid for days, not the hour of a forgotten-password link: the person may read it on Monday.
    const reset = await getDb().passwordReset.findFirstOrThrow({ where: { user: { email } } });
    expect(reset.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);

    const colleague = new HttpClient(app.url);
    const path = new URL(link!).pathname;
    const password = "ma phrase de passe à moi";
    expect((await colleague.post(path, { password, passwordConfirm: password })).status).toBe(302);
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(user.organisationId).toBe(ccmeId);
    expect((await new HttpClient(app.url).post("/login", { email, password })).status).toBe(302);
  });
});
