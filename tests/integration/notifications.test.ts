import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import type { Visibility } from "~/generated/prisma/enums";
import { translatorFor } from "~/i18n/i18n";
import { institutionVoices, notify, platformModerators } from "~/models/notifications.server";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "../support/smtp-server";

// notify() runs here, in the test's process, as the exchange's routes run it in the server's: both read this
// environment, set before either starts.
const PUBLIC_URL = "http://majlis.example.test";
let smtp: TestSmtpServer;
const ids = { samira: "", karim: "", omar: "", ahmed: "", leila: "" };
const EMAILS = {
  samira: "organisatrice@majlis.test",
  karim: "rapporteur@majlis.test",
  omar: "observateur@majlis.test",
  ahmed: "pair@majlis.test",
  leila: "participante@majlis.test",
} as const;
let dmreId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = PUBLIC_URL;
  await seedDemo();
  for (const [person, email] of Object.entries(EMAILS)) {
    ids[person as keyof typeof ids] = (await getDb().user.findUniqueOrThrow({ where: { email } })).id;
  }
  await getDb().user.update({ where: { id: ids.omar }, data: { locale: "en" } });
  await getDb().user.update({ where: { id: ids.ahmed }, data: { locale: "ar" } });
  dmreId = (await getDb().user.findUniqueOrThrow({ where: { id: ids.samira } })).organisationId!;
});
afterAll(async () => {
  await smtp?.close();
  delete process.env.SMTP_URL;
  delete process.env.PUBLIC_URL;
});
const app = useApp();

async function signedIn(email: string, language = "fr") {
  const client = new HttpClient(app.url, { "Accept-Language": language });
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

async function makePractice(title: string, visibility: Visibility) {
  return getDb().practice.create({
    data: {
      organisationId: dmreId,
      title: `${title} ${randomBytes(3).toString("hex")}`,
      problem: "Le problème",
      approach: "La démarche",
      country: "MA",
      themes: [],
      languages: ["fr"],
      visibility,
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
}

/** The Subject header as the person's mail client shows it (RFC 2047 encoded words decoded). */
function subjectOf(mail: ReceivedMail): string {
  const headers = mail.raw.split("\r\n\r\n")[0].replace(/\r\n[ \t]+/g, " ");
  const raw = /^Subject: (.*)$/im.exec(headers)?.[1] ?? "";
  const bytes = raw
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("latin1")
        : text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The bell's accessible name in the header of a page. */
function bellLabel(html: string): string | undefined {
  const bell = /<a[^>]*class="notification-bell"[^>]*>/.exec(html)?.[0];
  return bell ? /aria-label="([^"]*)"/.exec(bell)?.[1] : undefined;
}

async function until(check: () => Promise<boolean>, what: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("notify()", () => {
  it("notifies each recipient once, never the actor nor who may not read the practice, and mails each in their language", async () => {
    const practice = await makePractice("Guichet unique de l'investisseur", "PEERS");
    const excerpt = "Comment financez-vous le guichet ?";
    await notify({
      kind: "practice.questioned",
      recipientIds: [ids.samira, ids.ahmed, ids.ahmed, ids.omar, ids.leila, ids.karim],
      actorId: ids.karim,
      subject: { type: "practice", id: practice.id },
      data: { excerpt },
    });

    const rows = await getDb().notification.findMany({ where: { subjectId: practice.id } });
    // Leila belongs to no institution: a practice shared with peers is not hers to read.
    expect(rows.map((row) => row.userId).sort()).toEqual([ids.samira, ids.ahmed, ids.omar].sort());
    for (const row of rows) expect(row).toMatchObject({ kind: "practice.questioned", subjectType: "practice", actorId: ids.karim, data: { excerpt }, readAt: null });

    const link = `${PUBLIC_URL}/practices/${practice.id}#exchange`;
    for (const [person, language] of [
      ["ahmed", "ar"],
      ["omar", "en"],
      ["samira", "fr"],
    ] as const) {
      const mail = await smtp.waitForMail((m) => m.to.includes(EMAILS[person]) && m.text.includes(practice.id));
      expect(subjectOf(mail)).toBe(translatorFor(language)("notifications:mail.subjects.practice.questioned", { title: practice.title }));
      expect(mail.text).toContain(translatorFor(language)("notifications:items.practice.questioned", { actor: "Karim Tazi", title: practice.title }));
      expect(mail.text).toContain(`> ${excerpt}`);
      expect(mail.text).toContain(link);
    }
    expect(subjectOf(await smtp.waitForMail((m) => m.to.includes(EMAILS.samira) && m.text.includes(practice.id)))).toContain("Nouvelle question sur « ");

    await until(async () => (await getDb().notification.count({ where: { subjectId: practice.id, emailedAt: { not: null } } })) === 3, "emailedAt");
    // Give a stray mail the time to arrive before checking that none did.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.filter((m) => m.text.includes(practice.id) && (m.to.includes(EMAILS.karim) || m.to.includes(EMAILS.leila)))).toEqual([]);
  });

  it("lists recipient ids for an institution's admins and for platform moderators", async () => {
    expect(await institutionVoices({ organisationId: dmreId })).toEqual([ids.samira]);
    expect(await platformModerators()).toEqual([ids.samira]);
  });
});

describe("the notifications page and the header's bell", () => {
  it("shows the practice's current title, and forgets a notification once the practice is no longer readable", async () => {
    await getDb().notification.updateMany({ where: { userId: { in: [ids.omar, ids.samira] } }, data: { readAt: new Date() } });
    const practice = await makePractice("Titre d'origine", "PUBLIC");
    await notify({ kind: "practice.commented", recipientIds: [ids.omar, ids.samira], actorId: ids.karim, subject: { type: "practice", id: practice.id }, data: { excerpt: "Très utile." } });
    const renamed = `Titre actuel ${randomBytes(3).toString("hex")}`;
    await getDb().practice.update({ where: { id: practice.id }, data: { title: renamed } });

    const omar = await signedIn(EMAILS.omar, "en");
    const page = await omar.get("/notifications");
    expect(page.status).toBe(200);
    const html = await pageHtml(page);
    const text = visibleText(html);
    expect(text).toContain(renamed);
    expect(text).not.toContain(practice.title);
    expect(text).toContain("Karim Tazi");
    expect(text).toContain("Très utile.");
    expect(bellLabel(html)).toBe(translatorFor("en")("notifications:bell.labelUnread", { count: 1 }));
    const notification = await getDb().notification.findFirstOrThrow({ where: { userId: ids.omar, subjectId: practice.id } });
    expect(html).toContain(`href="/notifications/${notification.id}"`);

    // Kept within DMRE from now on: Omar (CCME) may no longer read it, so its notification is gone for him.
    await getDb().practice.update({ where: { id: practice.id }, data: { visibility: "INSTITUTION" } });
    const after = await pageHtml(await omar.get("/notifications"));
    expect(visibleText(after)).not.toContain(renamed);
    expect(after).not.toContain(notification.id);
    expect(bellLabel(after)).toBe(translatorFor("en")("notifications:bell.label"));
    expect((await omar.get(`/notifications/${notification.id}`)).status).toBe(404);
    expect((await getDb().notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt).toBeNull();

    // DMRE's own people still read it.
    const samiraPage = await pageHtml(await (await signedIn(EMAILS.samira)).get("/notifications"));
    expect(visibleText(samiraPage)).toContain(renamed);
    expect(bellLabel(samiraPage)).toBe(translatorFor("fr")("notifications:bell.labelUnread", { count: 1 }));
  });

  it("marks one as read when opened, on the way to the practice, and all at once", async () => {
    await getDb().notification.updateMany({ where: { userId: ids.samira }, data: { readAt: new Date() } });
    const practice = await makePractice("Mentorat des jeunes", "PUBLIC");
    const subject = { type: "practice", id: practice.id } as const;
    await notify({ kind: "practice.answered", recipientIds: [ids.samira], actorId: ids.ahmed, subject });
    await notify({ kind: "practice.submitted", recipientIds: [ids.samira], actorId: ids.karim, subject });
    const sent = (kind: string) => getDb().notification.findFirstOrThrow({ where: { userId: ids.samira, subjectId: practice.id, kind } });
    const [answered, submitted] = [await sent("practice.answered"), await sent("practice.submitted")];

    const samira = await signedIn(EMAILS.samira);
    const fr = translatorFor("fr");
    expect(bellLabel(await pageHtml(await samira.get("/notifications")))).toBe(fr("notifications:bell.labelUnread", { count: 2 }));
    const opened = await samira.get(`/notifications/${answered.id}`);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`/practices/${practice.id}#exchange`);
    expect((await getDb().notification.findUniqueOrThrow({ where: { id: answered.id } })).readAt).not.toBeNull();
    expect(bellLabel(await pageHtml(await samira.get("/notifications")))).toBe(fr("notifications:bell.labelUnread", { count: 1 }));
    // A practice waiting for moderation opens at its top, not at the exchange.
    expect((await samira.get(`/notifications/${submitted.id}`)).headers.get("location")).toBe(`/practices/${practice.id}`);

    await notify({ kind: "practice.commented", recipientIds: [ids.samira], actorId: ids.karim, subject });
    const markAll = await samira.post("/notifications", { intent: "markAllRead" });
    expect(markAll.status).toBe(302);
    expect(markAll.headers.get("location")).toBe("/notifications?notice=allRead");
    expect(await getDb().notification.count({ where: { userId: ids.samira, readAt: null } })).toBe(0);
    const page = await pageHtml(await samira.get("/notifications?notice=allRead"));
    expect(visibleText(page)).toContain(fr("notifications:allRead"));
    expect(bellLabel(page)).toBe(fr("notifications:bell.label"));
  });

  it("never lets another person open or mark my notifications", async () => {
    const practice = await makePractice("Caravane de l'investissement", "PUBLIC");
    await notify({ kind: "practice.adopted", recipientIds: [ids.samira], actorId: ids.ahmed, subject: { type: "practice", id: practice.id } });
    const mine = await getDb().notification.findFirstOrThrow({ where: { userId: ids.samira, subjectId: practice.id } });

    const omar = await signedIn(EMAILS.omar);
    expect((await omar.get(`/notifications/${mine.id}`)).status).toBe(404);
    expect((await omar.post("/notifications", { intent: "markAllRead" })).status).toBe(302);
    expect((await getDb().notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();
    expect(visibleText(await pageHtml(await omar.get("/notifications")))).not.toContain(practice.title);

    const visitor = new HttpClient(app.url);
    for (const path of ["/notifications", `/notifications/${mine.id}`]) {
      const response = await visitor.get(path);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toContain("/login?redirectTo=");
    }
    expect(bellLabel(await pageHtml(await visitor.get("/institutions")))).toBeUndefined();
    expect((await getDb().notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();
  });

  it("shows 50 at a time, newest first, with a link to older ones", async () => {
    const practice = await makePractice("Bourse des projets", "PUBLIC");
    const start = Date.now() - 60 * 60 * 1000;
    await getDb().notification.createMany({
      data: Array.from({ length: 55 }, (_, index) => ({
        userId: ids.leila,
        kind: "practice.commented",
        subjectType: "practice",
        subjectId: practice.id,
        actorId: ids.karim,
        data: { excerpt: `Commentaire numéro ${index + 1}.` },
        createdAt: new Date(start + index * 1000),
      })),
    });
    const leila = await signedIn(EMAILS.leila);
    const first = visibleText(await pageHtml(await leila.get("/notifications")));
    const numbers = (text: string) => [...text.matchAll(/Commentaire numéro (\d+)\./g)].map((match) => Number(match[1]));
    expect(numbers(first)).toEqual(Array.from({ length: 50 }, (_, index) => 55 - index));
    const html = await pageHtml(await leila.get("/notifications"));
    const older = /href="(\/notifications\?older=[^"]+)"/.exec(html)?.[1];
    expect(older).toBeDefined();
    const second = await pageHtml(await leila.get(older!));
    expect(numbers(visibleText(second))).toEqual([5, 4, 3, 2, 1]);
    expect(visibleText(second)).not.toContain(translatorFor("fr")("notifications:older"));
    expect(visibleText(second)).toContain(translatorFor("fr")("notifications:newest"));
  });
});
