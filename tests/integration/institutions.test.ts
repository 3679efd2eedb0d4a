import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import type { PracticeStatus, Visibility } from "~/generated/prisma/enums";
import { translatorFor } from "~/i18n/i18n";
import { createUser } from "~/models/user.server";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";
import { TEST_PASSWORD } from "../support/registration-fixtures";

// Mail is not configured in this file: links are shown to the admin (institutions-mail.test.ts has the mailed case).
const fr = translatorFor("fr");
const en = translatorFor("en");
const MODERATOR = "organisatrice@majlis.test";

beforeAll(async () => {
  await seedDemo();
});
const app = useApp();

const signedOut = (language = "fr") => new HttpClient(app.url, { "Accept-Language": language });
async function signedIn(email: string, password = TEST_PASSWORD, language = "fr") {
  const client = signedOut(language);
  await client.signIn(email, password);
  return client;
}

const unique = () => randomBytes(3).toString("hex");

async function makeInstitution(name: string, country = "MA") {
  return getDb().organisation.create({
    data: {
      name: `${name} ${unique()}`,
      country,
      mission: `La mission de ${name} : accompagner les porteurs de projets.`,
      website: "https://www.exemple.ma",
      contactName: `Contact ${name}`,
      contactEmail: `contact.${unique()}@exemple.ma`,
    },
  });
}

async function makePerson(name: string, organisationId: string | null, organisationAdmin = false) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${unique()}@example.test`;
  const user = await createUser({ email, name, password: TEST_PASSWORD, organisationId });
  if (organisationAdmin) await getDb().user.update({ where: { id: user.id }, data: { organisationAdmin: true } });
  return { id: user.id, email, name };
}

async function makePractice(organisationId: string, title: string, visibility: Visibility, status: PracticeStatus = "PUBLISHED") {
  return getDb().practice.create({
    data: {
      organisationId,
      title,
      problem: "Le problème",
      approach: "La démarche",
      country: "MA",
      themes: [],
      languages: ["fr"],
      visibility,
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
    },
  });
}

/** The directory card of one institution, as text. */
function cardText(html: string, name: string): string {
  const cards = html.split('<li class="card institution-card">').slice(1);
  const card = cards.find((item) => visibleText(item).includes(name));
  if (!card) throw new Error(`no card for ${name}`);
  return visibleText(card.slice(0, card.indexOf("</li>")));
}

describe("directory and profiles", () => {
  let a: Awaited<ReturnType<typeof makeInstitution>>;
  let b: Awaited<ReturnType<typeof makeInstitution>>;
  let memberOfA: { email: string; name: string };
  let memberOfB: { email: string; name: string };
  const titles = {
    public: `Guichet unique ${unique()}`,
    peers: `Réseau des compétences ${unique()}`,
    institution: `Note interne ${unique()}`,
    draft: `Brouillon ${unique()}`,
    adoptedPrivate: `Pratique privée adoptée ${unique()}`,
  };
  let practiceIds: Record<keyof typeof titles, string>;

  beforeAll(async () => {
    a = await makeInstitution("Institution A");
    b = await makeInstitution("Institution B", "TN");
    memberOfA = await makePerson("Amina Alaoui", a.id);
    memberOfB = await makePerson("Béchir Trabelsi", b.id);
    const made = {
      public: await makePractice(a.id, titles.public, "PUBLIC"),
      peers: await makePractice(a.id, titles.peers, "PEERS"),
      institution: await makePractice(a.id, titles.institution, "INSTITUTION"),
      draft: await makePractice(a.id, titles.draft, "PUBLIC", "DRAFT"),
      adoptedPrivate: await makePractice(b.id, titles.adoptedPrivate, "INSTITUTION"),
    };
    practiceIds = Object.fromEntries(Object.entries(made).map(([key, practice]) => [key, practice.id])) as typeof practiceIds;
    // A adopted a public practice of B's… and one B keeps to itself (as if it had been narrowed since).
    await getDb().practiceAdoption.create({ data: { practiceId: practiceIds.adoptedPrivate, organisationId: a.id, story: "Reprise chez nous." } });
  });

  it("lists every institution to anyone, with its country in the reader's language and the practices they may read", async () => {
    const response = await signedOut("en").get("/institutions");
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    expect(cardText(html, b.name)).toContain("Tunisia");
    // Signed out, only the public, published practice counts.
    expect(cardText(html, a.name)).toContain(en("institutions:directory.practices", { count: 1 }));
    expect(cardText(html, a.name)).toContain(a.mission);

    const arabic = await pageHtml(await signedOut("ar").get("/institutions"));
    expect(cardText(arabic, b.name)).toContain("تونس");

    // A peer institution's people also count what is shared with peers; A's own people everything published.
    const peer = await pageHtml(await (await signedIn(memberOfB.email)).get("/institutions"));
    expect(cardText(peer, a.name)).toContain(fr("institutions:directory.practices", { count: 2 }));
    const own = await pageHtml(await (await signedIn(memberOfA.email)).get("/institutions"));
    expect(cardText(own, a.name)).toContain(fr("institutions:directory.practices", { count: 3 }));
  });

  it("shows a profile signed out: facts, contact, people count, and only the practices the reader may read", async () => {
    const response = await signedOut().get(`/institutions/${a.id}`);
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    const text = visibleText(html);
    expect(text).toContain(a.name);
    expect(text).toContain(a.mission);
    expect(text).toContain("Maroc");
    expect(html).toContain('<a href="https://www.exemple.ma" rel="noopener noreferrer">');
    expect(html).toContain(`href="mailto:${a.contactEmail}"`);
    expect(text).toContain(a.contactName);
    expect(text).toMatch(new RegExp(`${fr("institutions:profile.people")} 1\\b`));
    // Names are for the institution's own people.
    expect(text).not.toContain(memberOfA.name);
    expect(html).toContain(`href="/practices/${practiceIds.public}"`);
    for (const hidden of ["peers", "institution", "draft", "adoptedPrivate"] as const) {
      expect(text).not.toContain(titles[hidden]);
      expect(html).not.toContain(practiceIds[hidden]);
    }
    expect(text).not.toContain(fr("institutions:profile.edit"));
  });

  it("never shows a private practice of A to people of B, while A's own people see it and each other's names", async () => {
    const peerText = visibleText(await pageHtml(await (await signedIn(memberOfB.email)).get(`/institutions/${a.id}`)));
    expect(peerText).toContain(titles.public);
    expect(peerText).toContain(titles.peers);
    expect(peerText).not.toContain(titles.institution);
    expect(peerText).not.toContain(titles.draft);
    expect(peerText).not.toContain(memberOfA.name);
    // B's own practice that A adopted is B's to read.
    expect(peerText).toContain(titles.adoptedPrivate);

    const ownText = visibleText(await pageHtml(await (await signedIn(memberOfA.email)).get(`/institutions/${a.id}`)));
    expect(ownText).toContain(titles.institution);
    expect(ownText).toContain(memberOfA.name);
    // A published list: drafts are not on the profile, even for its own people.
    expect(ownText).not.toContain(titles.draft);
    // What A adopted, but B keeps to itself, is not for A's people (nor anyone outside B).
    expect(ownText).not.toContain(titles.adoptedPrivate);
    expect(visibleText(await pageHtml(await signedOut().get(`/institutions/${a.id}`)))).not.toContain(titles.adoptedPrivate);
  });

  it("answers 404 for an institution that does not exist", async () => {
    expect((await signedOut().get("/institutions/nope")).status).toBe(404);
  });
});

describe("editing a profile", () => {
  let a: Awaited<ReturnType<typeof makeInstitution>>;
  let b: Awaited<ReturnType<typeof makeInstitution>>;
  let adminOfA: { email: string };
  let adminOfB: { email: string };
  let memberOfA: { email: string };
  const fields = (name: string) => ({
    name,
    country: "TN",
    mission: "Accompagner les Tunisiens résidant à l'étranger.",
    website: "https://www.ote.nat.tn",
    contactName: "Sonia Ben Ali",
    contactEmail: "Sonia@OTE.example",
  });

  beforeAll(async () => {
    a = await makeInstitution("Institution C");
    b = await makeInstitution("Institution D");
    adminOfA = await makePerson("Admin C", a.id, true);
    adminOfB = await makePerson("Admin D", b.id, true);
    memberOfA = await makePerson("Membre C", a.id);
  });

  it("lets the institution's admin edit it, with a trace in the audit log", async () => {
    const admin = await signedIn(adminOfA.email, TEST_PASSWORD, "en");
    const form = await admin.get(`/institutions/${a.id}/edit`);
    expect(form.status).toBe(200);
    expect(await pageHtml(form)).toMatch(/<option value="MA" selected="">Morocco<\/option>/);

    const saved = await admin.post(`/institutions/${a.id}/edit`, fields("Office C renommé"));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/institutions/${a.id}?notice=saved`);
    expect(await getDb().organisation.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ ...fields("Office C renommé"), contactEmail: "sonia@ote.example" });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { subjectType: "organisation", subjectId: a.id, action: "organisation.updated" } });
    expect(audit.data).toMatchObject({ changed: expect.arrayContaining(["name", "country", "website"]) });
    expect(visibleText(await pageHtml(await admin.get(`/institutions/${a.id}?notice=saved`)))).toContain(en("institutions:profile.saved"));
  });

  it("lets a platform moderator edit any institution", async () => {
    const moderator = await signedIn(MODERATOR, DEMO_PASSWORD);
    const saved = await moderator.post(`/institutions/${b.id}/edit`, fields("Institution D, revue"));
    expect(saved.status).toBe(302);
    expect((await getDb().organisation.findUniqueOrThrow({ where: { id: b.id } })).name).toBe("Institution D, revue");
  });

  it("refuses another institution's admin and a plain member (403), and changes nothing", async () => {
    const before = await getDb().organisation.findUniqueOrThrow({ where: { id: a.id } });
    for (const email of [adminOfB.email, memberOfA.email]) {
      const client = await signedIn(email);
      expect((await client.get(`/institutions/${a.id}/edit`)).status).toBe(403);
      expect((await client.post(`/institutions/${a.id}/edit`, fields("Piraté"))).status).toBe(403);
    }
    expect(await getDb().organisation.findUniqueOrThrow({ where: { id: a.id } })).toEqual(before);
    const visitor = await signedOut().get(`/institutions/${a.id}/edit`);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toContain("/login?redirectTo=");
  });

  it("refuses a website that is not a web address and an unknown country, with translated messages", async () => {
    const admin = await signedIn(adminOfA.email, TEST_PASSWORD, "en");
    const before = await getDb().organisation.findUniqueOrThrow({ where: { id: a.id } });
    const response = await admin.post(`/institutions/${a.id}/edit`, { ...fields("Nouveau nom"), website: "javascript:alert(1)", country: "XX", contactEmail: "pas-une-adresse" });
    expect(response.status).toBe(400);
    const text = visibleText(await pageHtml(response));
    expect(text).toContain(en("institutions:errors.website"));
    expect(text).toContain(en("institutions:errors.country"));
    expect(text).toContain(en("errors:email"));
    expect(await getDb().organisation.findUniqueOrThrow({ where: { id: a.id } })).toEqual(before);
  });

  it("lets only platform moderators register an institution", async () => {
    const admin = await signedIn(adminOfA.email);
    expect((await admin.get("/institutions/new")).status).toBe(403);
    expect((await admin.post("/institutions/new", fields("Refusée"))).status).toBe(403);

    const moderator = await signedIn(MODERATOR, DEMO_PASSWORD);
    expect((await moderator.get("/institutions/new")).status).toBe(200);
    const created = await moderator.post("/institutions/new", fields("Office nouvellement inscrit"));
    expect(created.status).toBe(302);
    const institution = await getDb().organisation.findFirstOrThrow({ where: { name: "Office nouvellement inscrit" } });
    expect(created.headers.get("location")).toBe(`/institutions/${institution.id}?notice=created`);
    expect(await getDb().auditLog.count({ where: { subjectType: "organisation", subjectId: institution.id, action: "organisation.created" } })).toBe(1);
  });
});

describe("the people of an institution", () => {
  let a: Awaited<ReturnType<typeof makeInstitution>>;
  let b: Awaited<ReturnType<typeof makeInstitution>>;
  let adminOfA: { id: string; email: string; name: string };
  let adminOfB: { id: string; email: string };
  let memberOfA: { id: string; email: string; name: string };
  let memberOfB: { id: string; email: string };
  const peoplePath = () => `/institutions/${a.id}/people`;
  const userRow = (id: string) => getDb().user.findUniqueOrThrow({ where: { id }, select: { organisationId: true, organisationAdmin: true, passwordHash: true } });

  beforeAll(async () => {
    a = await makeInstitution("Institution E");
    b = await makeInstitution("Institution F");
    adminOfA = await makePerson("Admin E", a.id, true);
    memberOfA = await makePerson("Membre E", a.id);
    adminOfB = await makePerson("Admin F", b.id, true);
    memberOfB = await makePerson("Membre F", b.id);
  });

  it("is for the institution's admins and moderators only", async () => {
    const admin = await signedIn(adminOfA.email);
    const page = await admin.get(peoplePath());
    expect(page.status).toBe(200);
    const text = visibleText(await pageHtml(page));
    expect(text).toContain(memberOfA.email);
    expect(text).toContain(fr("institutions:people.admin"));
    expect((await (await signedIn(MODERATOR, DEMO_PASSWORD)).get(peoplePath())).status).toBe(200);
    expect((await (await signedIn(memberOfA.email)).get(peoplePath())).status).toBe(403);
    expect((await (await signedIn(adminOfB.email)).get(peoplePath())).status).toBe(403);
  });

  it("attaches an existing account without an institution, with an audit entry", async () => {
    const loner = await makePerson("Sans Institution", null);
    const admin = await signedIn(adminOfA.email);
    const response = await admin.post(peoplePath(), { intent: "addColleague", email: loner.email.toUpperCase() });
    expect(response.status).toBe(200);
    expect(visibleText(await pageHtml(response))).toContain(fr("institutions:people.attached", { name: loner.name }));
    expect(await userRow(loner.id)).toMatchObject({ organisationId: a.id, organisationAdmin: false });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { subjectType: "organisation", subjectId: a.id, action: "organisation.member_added" } });
    expect(audit).toMatchObject({ actorId: adminOfA.id, data: { userId: loner.id } });
  });

  it("refuses an account of another institution, even asked to move it, unless a moderator moves it", async () => {
    const admin = await signedIn(adminOfA.email);
    const attempts: Array<Record<string, string>> = [{ email: memberOfB.email }, { email: memberOfB.email, move: "on" }];
    for (const fields of attempts) {
      const response = await admin.post(peoplePath(), { intent: "addColleague", ...fields });
      expect(response.status).toBe(409);
      expect(visibleText(await pageHtml(response))).toContain(fr("institutions:people.otherInstitution"));
    }
    expect((await userRow(memberOfB.id)).organisationId).toBe(b.id);

    const moderator = await signedIn(MODERATOR, DEMO_PASSWORD);
    const moved = await moderator.post(peoplePath(), { intent: "addColleague", email: memberOfB.email, move: "on" });
    expect(moved.status).toBe(200);
    expect((await userRow(memberOfB.id)).organisationId).toBe(a.id);
    expect(await getDb().auditLog.count({ where: { subjectType: "organisation", subjectId: a.id, action: "organisation.member_moved" } })).toBe(1);
  });

  it("creates an account for an unknown address, tied to the institution, with a set-password link to hand over", async () => {
    const admin = await signedIn(adminOfA.email);
    const email = `nouvelle.${unique()}@example.test`;
    const nameless = await admin.post(peoplePath(), { intent: "addColleague", email });
    expect(nameless.status).toBe(400);
    expect(visibleText(await pageHtml(nameless))).toContain(fr("institutions:people.nameRequired"));
    expect(await getDb().user.findUnique({ where: { email } })).toBeNull();

    const response = await admin.post(peoplePath(), { intent: "addColleague", email, name: "Nouvelle Collègue" });
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    expect(visibleText(html)).toContain(fr("institutions:people.emailNotConfigured", { name: "Nouvelle Collègue", email }));
    const link = /value="(https?:\/\/[^"]+\/reset-password\/[\w-]+)"/.exec(html)?.[1];
    expect(link).toBeDefined();
    const created = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(created).toMatchObject({ organisationId: a.id, organisationAdmin: false, passwordHash: null, name: "Nouvelle Collègue" });
    expect(await getDb().auditLog.count({ where: { subjectType: "organisation", subjectId: a.id, action: "organisation.member_created" } })).toBe(1);

    // The link sets the password and signs the new colleague in.
    const colleague = signedOut();
    const path = new URL(link!).pathname;
    expect((await colleague.get(path)).status).toBe(200);
    const password = "une phrase de passe choisie";
    expect((await colleague.post(path, { password, passwordConfirm: password })).status).toBe(302);
    expect((await signedOut().post("/login", { email, password })).status).toBe(302);
  });

  it("grants and revokes the admin right, but an admin cannot leave the institution without one", async () => {
    const admin = await signedIn(adminOfA.email);
    const granted = await admin.post(peoplePath(), { intent: "grantAdmin", userId: memberOfA.id });
    expect(granted.status).toBe(200);
    expect(visibleText(await pageHtml(granted))).toContain(fr("institutions:people.granted", { name: memberOfA.name }));
    expect((await userRow(memberOfA.id)).organisationAdmin).toBe(true);
    expect((await admin.post(peoplePath(), { intent: "revokeAdmin", userId: memberOfA.id })).status).toBe(200);
    expect((await userRow(memberOfA.id)).organisationAdmin).toBe(false);
    expect(await getDb().auditLog.count({ where: { subjectType: "organisation", subjectId: a.id, action: { in: ["organisation.admin_granted", "organisation.admin_revoked"] } } })).toBe(2);

    for (const intent of ["remove", "revokeAdmin"]) {
      const refused = await admin.post(peoplePath(), { intent, userId: adminOfA.id });
      expect(refused.status).toBe(409);
      expect(visibleText(await pageHtml(refused))).toContain(fr("institutions:people.lastAdmin"));
    }
    expect(await userRow(adminOfA.id)).toMatchObject({ organisationId: a.id, organisationAdmin: true });
  });

  it("removes a person from the institution, who keeps their account", async () => {
    const leaving = await makePerson("Sur Le Départ", a.id);
    const admin = await signedIn(adminOfA.email);
    const response = await admin.post(peoplePath(), { intent: "remove", userId: leaving.id });
    expect(response.status).toBe(200);
    expect(visibleText(await pageHtml(response))).toContain(fr("institutions:people.removed", { name: leaving.name }));
    expect(await userRow(leaving.id)).toMatchObject({ organisationId: null, organisationAdmin: false });
    expect(await getDb().auditLog.count({ where: { subjectType: "organisation", subjectId: a.id, action: "organisation.member_removed" } })).toBe(1);
  });

  it("refuses crafted requests from another institution's admin (403) and about another institution's people (404)", async () => {
    const before = await Promise.all([adminOfA.id, memberOfA.id].map(userRow));
    const outsider = await signedIn(adminOfB.email);
    const crafted: Array<Record<string, string>> = [
      { intent: "grantAdmin", userId: memberOfA.id },
      { intent: "remove", userId: adminOfA.id },
      { intent: "addColleague", email: `intrus.${unique()}@example.test`, name: "Intrus" },
    ];
    for (const fields of crafted) {
      expect((await outsider.post(peoplePath(), fields)).status).toBe(403);
    }
    expect(await Promise.all([adminOfA.id, memberOfA.id].map(userRow))).toEqual(before);
    expect(await getDb().user.count({ where: { name: "Intrus" } })).toBe(0);

    // A's admin, on A's page, naming someone of B: nothing there to change.
    const admin = await signedIn(adminOfA.email);
    expect((await admin.post(peoplePath(), { intent: "grantAdmin", userId: adminOfB.id })).status).toBe(404);
    expect((await admin.post(peoplePath(), { intent: "remove", userId: adminOfB.id })).status).toBe(404);
    expect(await userRow(adminOfB.id)).toMatchObject({ organisationId: b.id, organisationAdmin: true });
  });
});
