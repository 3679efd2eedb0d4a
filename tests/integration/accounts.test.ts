import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_JOIN_CODE, DEMO_PASSWORD } from "~/db/seed-demo.server";
import { translatorFor } from "~/i18n/i18n";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";
import { visibleText } from "../support/page-html";

const fr = translatorFor("fr");
const ORGANISER = "organisatrice@majlis.test";
const NEW_PASSWORD = "un nouveau mot de passe solide";

let workshopId: string;
beforeAll(async () => {
  workshopId = await seedDemo();
});
const app = useApp();

const client = () => new HttpClient(app.url, { "Accept-Language": "fr" });
const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email } })).id;
const linkToken = (html: string, path: "reset-password" | "invite") => {
  const match = new RegExp(`https?://[^"\\s<]+/${path}/([A-Za-z0-9_-]+)`).exec(html);
  if (!match) throw new Error(`no /${path}/ link on the page`);
  return match[1];
};

async function organiserCreatesResetLink(email: string) {
  const organiser = client();
  await organiser.signIn(ORGANISER, DEMO_PASSWORD);
  const response = await organiser.post(`/workshops/${workshopId}/people`, { intent: "createResetLink", userId: await userId(email) });
  expect(response.status).toBe(200);
  return linkToken(await response.text(), "reset-password");
}

describe("forgotten password without e-mail configured", () => {
  it("answers the same for a known and an unknown address, and records a request only for the account", async () => {
    const db = getDb();
    const known = await client().post("/forgot-password", { email: "Observateur@majlis.test" });
    const unknown = await client().post("/forgot-password", { email: "nobody@majlis.test" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const knownText = visibleText(await known.text());
    expect(knownText).toContain(fr("auth:forgot.askOrganiser"));
    expect(visibleText(await unknown.text())).toContain(fr("auth:forgot.askOrganiser"));

    const requests = await db.passwordReset.findMany({ where: { userId: await userId("observateur@majlis.test") } });
    expect(requests).toHaveLength(1);
    expect(requests[0].tokenHash).toBeNull();
    expect(await db.passwordReset.count()).toBe(1);
  });

  it("gives a field error for an address that is not one, keeping what was typed", async () => {
    const response = await client().post("/forgot-password", { email: "pas-une-adresse" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(visibleText(html)).toContain(fr("errors:email"));
    expect(html).toContain('value="pas-une-adresse"');
  });

  it("records at most three requests an hour for one address, with the same answer every time", async () => {
    for (let i = 0; i < 5; i++) {
      const response = await client().post("/forgot-password", { email: "comite@majlis.test" });
      expect(response.status).toBe(200);
      expect(visibleText(await response.text())).toContain(fr("auth:forgot.askOrganiser"));
    }
    expect(await getDb().passwordReset.count({ where: { userId: await userId("comite@majlis.test") } })).toBe(3);
  });
});

describe("password reset by a link the organiser hands over", () => {
  it("runs from the request to a new password, signing out other devices and refusing the link a second time", async () => {
    const email = "participante@majlis.test";
    const otherDevice = client();
    await otherDevice.signIn(email, DEMO_PASSWORD);
    expect((await otherDevice.get("/account")).status).toBe(200);

    await client().post("/forgot-password", { email });
    const organiser = client();
    await organiser.signIn(ORGANISER, DEMO_PASSWORD);
    const people = visibleText(await (await organiser.get(`/workshops/${workshopId}/people`)).text());
    expect(people).toMatch(/Leila Amrani.*A demandé un nouveau mot de passe le/);

    const token = await organiserCreatesResetLink(email);
    const requests = await getDb().passwordReset.findMany({ where: { userId: await userId(email) } });
    expect(requests).toHaveLength(1);
    expect(requests[0].tokenHash).not.toBeNull();

    const person = client();
    const form = await person.get(`/reset-password/${token}`);
    expect(form.status).toBe(200);
    expect(visibleText(await form.text())).toContain(fr("auth:reset.title"));

    const mismatch = await person.post(`/reset-password/${token}`, { password: NEW_PASSWORD, passwordConfirm: "autre chose encore" });
    expect(mismatch.status).toBe(400);
    expect(visibleText(await mismatch.text())).toContain(fr("errors:passwordsDiffer"));
    const tooShort = await person.post(`/reset-password/${token}`, { password: "court", passwordConfirm: "court" });
    expect(tooShort.status).toBe(400);
    expect(visibleText(await tooShort.text())).toContain(fr("errors:tooShort", { min: 10 }));

    const done = await person.post(`/reset-password/${token}`, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/account?notice=passwordReset");
    const account = await person.get("/account?notice=passwordReset");
    expect(account.status).toBe(200);
    expect(visibleText(await account.text())).toContain(fr("auth:reset.done"));

    expect((await otherDevice.get("/account")).status).toBe(302);
    expect((await client().post("/login", { email, password: DEMO_PASSWORD })).status).toBe(400);
    expect((await client().post("/login", { email, password: NEW_PASSWORD })).status).toBe(302);

    const reused = await client().get(`/reset-password/${token}`);
    expect(reused.status).toBe(410);
    expect(visibleText(await reused.text())).toContain(fr("auth:reset.invalidLink"));
    const reusedPost = await client().post(`/reset-password/${token}`, { password: "encore un autre mot", passwordConfirm: "encore un autre mot" });
    expect(reusedPost.status).toBe(410);
    expect((await client().post("/login", { email, password: "encore un autre mot" })).status).toBe(400);

    const audit = await getDb().auditLog.findMany({ where: { subjectId: await userId(email) }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["password_reset.requested", "password_reset.link_created", "password_reset.completed"]);
    const after = visibleText(await (await organiser.get(`/workshops/${workshopId}/people`)).text());
    expect(after).not.toMatch(/participante@majlis\.test A demandé un nouveau mot de passe/);
  });

  it("refuses an expired link and an unknown one with a clear message, changing nothing", async () => {
    const email = "pair@majlis.test";
    const token = await organiserCreatesResetLink(email);
    await getDb().passwordReset.updateMany({ where: { userId: await userId(email) }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const expired = await client().get(`/reset-password/${token}`);
    expect(expired.status).toBe(410);
    expect(visibleText(await expired.text())).toContain(fr("auth:reset.invalidLink"));
    const attempt = await client().post(`/reset-password/${token}`, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(attempt.status).toBe(410);
    expect((await client().post("/login", { email, password: DEMO_PASSWORD })).status).toBe(302);

    const unknown = await client().get("/reset-password/not-a-real-token");
    expect(unknown.status).toBe(410);
    expect(visibleText(await unknown.text())).toContain(fr("auth:reset.invalidLink"));
  });
});

describe("accepting an invitation", () => {
  async function invite(fields: Record<string, string>) {
    const organiser = client();
    await organiser.signIn(ORGANISER, DEMO_PASSWORD);
    const response = await organiser.post(`/workshops/${workshopId}/people`, fields);
    expect(response.status).toBe(200);
    return linkToken(await response.text(), "invite");
  }

  it("creates an account from a personal link, with the invited role, and signs the person in", async () => {
    const token = await invite({ intent: "createInviteLink", role: "RAPPORTEUR" });
    const guest = client();
    const page = await guest.get(`/invite/${token}`);
    expect(page.status).toBe(200);
    const text = visibleText(await page.text());
    expect(text).toContain(fr("auth:invite.createAccountTitle"));
    expect(text).toContain(fr("common:roles.RAPPORTEUR"));
    expect(await (await guest.get(`/invite/${token}`)).text()).toContain(`/login?redirectTo=%2Finvite%2F${token}`);

    const invalid = await guest.post(`/invite/${token}`, { intent: "createAccount", name: "Amina Idrissi", email: "amina@", password: "court", passwordConfirm: "court" });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(visibleText(invalidHtml)).toContain(fr("errors:email"));
    expect(invalidHtml).toContain('value="Amina Idrissi"');
    expect(await getDb().user.count({ where: { name: "Amina Idrissi" } })).toBe(0);

    const created = await guest.post(`/invite/${token}`, {
      intent: "createAccount",
      name: "Amina Idrissi",
      email: "Amina.Idrissi@example.ma",
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe(`/workshops/${workshopId}`);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "amina.idrissi@example.ma" } });
    const membership = await getDb().membership.findUniqueOrThrow({ where: { workshopId_userId: { workshopId, userId: user.id } } });
    expect(membership.role).toBe("RAPPORTEUR");
    expect(visibleText(await (await guest.get("/account")).text())).toContain("Amina Idrissi");

    const used = await client().get(`/invite/${token}`);
    expect(used.status).toBe(410);
    expect(visibleText(await used.text())).toContain(fr("auth:invite.used"));
    const again = await client().post(`/invite/${token}`, { intent: "createAccount", name: "Autre", email: "autre@example.ma", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(again.status).toBe(410);
    expect(await getDb().user.count({ where: { email: "autre@example.ma" } })).toBe(0);
  });

  it("fixes the address of an invitation sent by e-mail, and asks to sign in when that address has an account", async () => {
    const token = await invite({ intent: "inviteByEmail", email: "youssef.new@example.ma", role: "FACILITATOR" });
    const guest = client();
    const page = await (await guest.get(`/invite/${token}`)).text();
    expect(page).toMatch(/value="youssef.new@example.ma"[^>]*readonly|readonly[^>]*value="youssef.new@example.ma"/i);
    const created = await guest.post(`/invite/${token}`, { intent: "createAccount", name: "Youssef N.", email: "someone.else@example.ma", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(created.status).toBe(302);
    expect(await getDb().user.count({ where: { email: "someone.else@example.ma" } })).toBe(0);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: "youssef.new@example.ma" } })).name).toBe("Youssef N.");

    const taken = await invite({ intent: "inviteByEmail", email: "observateur@majlis.test", role: "PEER" });
    const answer = await client().post(`/invite/${taken}`, { intent: "createAccount", name: "Intrus", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(answer.status).toBe(409);
    expect(visibleText(await answer.text())).toContain(fr("auth:invite.emailTaken"));
    expect(await getDb().user.count({ where: { name: "Intrus" } })).toBe(0);
    // The invitation is still usable by its rightful owner after signing in.
    expect((await client().get(`/invite/${taken}`)).status).toBe(200);
  });

  it("lets a signed-in person accept: a participant takes the invited role, an organiser stays organiser", async () => {
    const participant = client();
    await participant.signIn("hicham.ouazzani@majlis.test", DEMO_PASSWORD);
    const forParticipant = await invite({ intent: "createInviteLink", role: "COMMITTEE_MEMBER" });
    expect(visibleText(await (await participant.get(`/invite/${forParticipant}`)).text())).toContain(fr("auth:invite.accept"));
    const accepted = await participant.post(`/invite/${forParticipant}`, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/workshops/${workshopId}`);
    const hicham = await userId("hicham.ouazzani@majlis.test");
    expect((await getDb().membership.findUniqueOrThrow({ where: { workshopId_userId: { workshopId, userId: hicham } } })).role).toBe("COMMITTEE_MEMBER");

    const organiser = client();
    await organiser.signIn(ORGANISER, DEMO_PASSWORD);
    const forOrganiser = await invite({ intent: "createInviteLink", role: "OBSERVER" });
    expect((await organiser.post(`/invite/${forOrganiser}`, { intent: "accept" })).status).toBe(302);
    const samira = await userId(ORGANISER);
    expect((await getDb().membership.findUniqueOrThrow({ where: { workshopId_userId: { workshopId, userId: samira } } })).role).toBe("ORGANISER");
  });

  it("refuses expired, withdrawn and unknown invitations with a translated message, creating nothing", async () => {
    const expiredToken = await invite({ intent: "createInviteLink", role: "PEER" });
    await getDb().invitation.updateMany({ where: { acceptedAt: null, role: "PEER", email: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await client().get(`/invite/${expiredToken}`);
    expect(expired.status).toBe(410);
    expect(visibleText(await expired.text())).toContain(fr("auth:invite.expired"));
    const late = await client().post(`/invite/${expiredToken}`, { intent: "createAccount", name: "Trop Tard", email: "tard@example.ma", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(late.status).toBe(410);

    const revokedToken = await invite({ intent: "createInviteLink", role: "OBSERVER" });
    const organiser = client();
    await organiser.signIn(ORGANISER, DEMO_PASSWORD);
    const pending = await getDb().invitation.findFirstOrThrow({ where: { role: "OBSERVER", acceptedAt: null, expiresAt: { gt: new Date() } } });
    expect((await organiser.post(`/workshops/${workshopId}/people`, { intent: "revokeInvitation", invitationId: pending.id })).status).toBe(200);
    const revoked = await client().get(`/invite/${revokedToken}`);
    expect(revoked.status).toBe(404);
    expect(visibleText(await revoked.text())).toContain(fr("auth:invite.unknown"));
    const afterRevoke = await client().post(`/invite/${revokedToken}`, { intent: "createAccount", name: "Retirée", email: "retiree@example.ma", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(afterRevoke.status).toBe(404);

    const unknown = new HttpClient(app.url, { "Accept-Language": "ar" });
    const answer = await unknown.get("/invite/nothing-here");
    expect(answer.status).toBe(404);
    expect(visibleText(await answer.text())).toContain(translatorFor("ar")("auth:invite.unknown"));
    expect(await getDb().user.count({ where: { email: { in: ["tard@example.ma", "retiree@example.ma"] } } })).toBe(0);
  });
});

describe("the account page", () => {
  it("saves the preferred language, and every page then follows it", async () => {
    const person = client();
    await person.signIn("facilitatrice@majlis.test", DEMO_PASSWORD);
    expect(await (await person.get("/")).text()).toContain('lang="fr"');

    const saved = await person.post("/account", { intent: "profile", name: "Nadia Chraibi", locale: "ar" });
    expect(saved.status).toBe(302);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: "facilitatrice@majlis.test" } })).locale).toBe("ar");
    const home = await (await person.get("/")).text();
    expect(home).toContain('lang="ar"');
    expect(home).toContain('dir="rtl"');
    const account = await (await person.get("/account?notice=profileSaved")).text();
    expect(visibleText(account)).toContain(translatorFor("ar")("account:profile.saved"));
  });

  it("keeps what was typed and says what is wrong, field by field", async () => {
    const person = client();
    await person.signIn("facilitateur@majlis.test", DEMO_PASSWORD);
    const response = await person.post("/account", { intent: "profile", name: "   ", locale: "de" });
    expect(response.status).toBe(400);
    const text = visibleText(await response.text());
    expect(text).toContain(fr("errors:required"));
    expect(text).toContain(fr("errors:invalidChoice"));
    expect((await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" } })).name).toBe("Youssef Benali");
  });

  it("changes the password only with the current one, and signs other devices out", async () => {
    const email = "rapporteur@majlis.test";
    const person = client();
    await person.signIn(email, DEMO_PASSWORD);
    const otherDevice = client();
    await otherDevice.signIn(email, DEMO_PASSWORD);

    const missing = await person.post("/account", { intent: "password", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(missing.status).toBe(400);
    expect(visibleText(await missing.text())).toContain(fr("errors:required"));
    const wrong = await person.post("/account", { intent: "password", currentPassword: "pas le bon", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(visibleText(wrongHtml)).toContain(fr("account:password.wrongCurrent"));
    expect(wrongHtml).not.toContain(NEW_PASSWORD);

    const changed = await person.post("/account", { intent: "password", currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(changed.status).toBe(302);
    expect((await person.get("/account")).status).toBe(200);
    expect((await otherDevice.get("/account")).status).toBe(302);
    expect((await client().post("/login", { email, password: NEW_PASSWORD })).status).toBe(302);
  });

  it("lets someone who joined in the room add an e-mail and a password, then sign in with them", async () => {
    const guest = client();
    const session = await getDb().session.findFirstOrThrow({ where: { workshopId } });
    const joined = await guest.post(`/join/${DEMO_JOIN_CODE}`, { name: "Invitée de la salle", sessionId: session.id });
    expect(joined.status).toBe(302);
    const page = visibleText(await (await guest.get("/account")).text());
    expect(page).toContain(fr("account:signIn.title"));
    expect(page).not.toContain(fr("account:password.current"));

    const taken = await guest.post("/account", { intent: "addSignIn", email: "observateur@majlis.test", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(taken.status).toBe(409);
    const takenHtml = await taken.text();
    expect(visibleText(takenHtml)).toContain(fr("account:signIn.emailTaken"));
    expect(takenHtml).toContain('value="observateur@majlis.test"');

    const saved = await guest.post("/account", { intent: "addSignIn", email: "Invitee.Salle@example.ma", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(saved.status).toBe(302);
    expect((await guest.get("/account")).status).toBe(200);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "invitee.salle@example.ma" } });
    expect(user.name).toBe("Invitée de la salle");
    expect((await client().post("/login", { email: "invitee.salle@example.ma", password: NEW_PASSWORD })).status).toBe(302);
  });
});
