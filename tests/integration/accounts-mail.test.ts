import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { translatorFor } from "~/i18n/i18n";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";
import { visibleText } from "../support/page-html";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

// The same flows as accounts.test.ts, with mail configured: this file's server reads SMTP_URL when it starts.
let smtp: TestSmtpServer;
let workshopId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Majlis <ateliers@majlis.test>";
  workshopId = await seedDemo();
});
afterAll(async () => {
  await smtp?.close();
  delete process.env.SMTP_URL;
});
const app = useApp();

const client = () => new HttpClient(app.url, { "Accept-Language": "fr" });
const linkIn = (text: string, path: string) => {
  const match = new RegExp(`(https?://\\S+/${path}/[A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no /${path}/ link in:\n${text}`);
  return new URL(match[1]);
};

describe("with e-mail configured", () => {
  it("mails a one-hour reset link in the person's language, which sets a new password", async () => {
    await getDb().user.update({ where: { email: "observateur@majlis.test" }, data: { locale: "ar" } });
    const response = await client().post("/forgot-password", { email: "observateur@majlis.test" });
    expect(response.status).toBe(200);
    expect(visibleText(await response.text())).toContain(translatorFor("fr")("auth:forgot.sentByEmail"));

    const mail = await smtp.waitForMail((m) => m.to.includes("observateur@majlis.test"));
    expect(mail.from).toContain("ateliers@majlis.test");
    expect(mail.text).toContain("مرحبًا Omar Fassi");
    const link = linkIn(mail.text, "reset-password");
    expect(link.origin).toBe(app.url);
    const reset = await getDb().passwordReset.findFirstOrThrow({ where: { user: { email: "observateur@majlis.test" } } });
    const minutes = (reset.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);

    const person = client();
    expect((await person.get(link.pathname)).status).toBe(200);
    const password = "choisi depuis le courriel";
    const done = await person.post(link.pathname, { password, passwordConfirm: password });
    expect(done.status).toBe(302);
    expect((await client().post("/login", { email: "observateur@majlis.test", password })).status).toBe(302);
    expect((await client().get(link.pathname)).status).toBe(410);
  });

  it("sends nothing, and answers the same, for an unknown address", async () => {
    const before = smtp.mails.length;
    const response = await client().post("/forgot-password", { email: "personne@majlis.test" });
    expect(response.status).toBe(200);
    expect(visibleText(await response.text())).toContain(translatorFor("fr")("auth:forgot.sentByEmail"));
    // Give a stray mail the time to arrive before checking that none did.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.length).toBe(before);
  });

  it("mails an invitation whose link creates the account with the invited role", async () => {
    const organiser = client();
    await organiser.signIn("organisatrice@majlis.test", DEMO_PASSWORD);
    const response = await organiser.post(`/workshops/${workshopId}/people`, { intent: "inviteByEmail", email: "nouvelle@example.ma", role: "FACILITATOR" });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(visibleText(page)).toContain(
      translatorFor("fr")("people:invitations.emailSent", { email: "nouvelle@example.ma", role: translatorFor("fr")("common:roles.FACILITATOR") }),
    );

    const mail = await smtp.waitForMail((m) => m.to.includes("nouvelle@example.ma"));
    expect(mail.text).toContain("Samira El Idrissi vous invite");
    expect(mail.text).toContain("Facilitateur·rice");
    const link = linkIn(mail.text, "invite");
    expect(page).toContain(link.href);

    const invitee = client();
    expect((await invitee.get(link.pathname)).status).toBe(200);
    const password = "ma propre phrase secrète";
    const created = await invitee.post(link.pathname, { intent: "createAccount", name: "Nouvelle Venue", password, passwordConfirm: password });
    expect(created.status).toBe(302);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "nouvelle@example.ma" }, include: { memberships: true } });
    expect(user.memberships).toMatchObject([{ workshopId, role: "FACILITATOR" }]);
  });
});
