import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { translatorFor } from "~/i18n/i18n";
import { createUser } from "~/models/user.server";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";
import { visibleText } from "../support/page-html";

const fr = translatorFor("fr");
const ORGANISER = "organisatrice@majlis.test";

let workshopId: string;
let peoplePath: string;
beforeAll(async () => {
  workshopId = await seedDemo();
  peoplePath = `/workshops/${workshopId}/people`;
});
const app = useApp();

async function signedIn(email: string, language = "fr") {
  const client = new HttpClient(app.url, { "Accept-Language": language });
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}
const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email } })).id;
const roleOf = async (email: string) =>
  (await getDb().membership.findUnique({ where: { workshopId_userId: { workshopId, userId: await userId(email) } } }))?.role ?? null;

describe("who may open the people page", () => {
  it("shows organisers every member with their translated role", async () => {
    const organiser = await signedIn(ORGANISER, "en");
    const response = await organiser.get(peoplePath);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<option value="RAPPORTEUR" selected="">Rapporteur<\/option>/);
    const text = visibleText(html);
    for (const name of ["Samira El Idrissi", "Karim Tazi", "Ahmed Ben Salah"]) expect(text).toContain(name);
    expect(text).toContain(translatorFor("en")("people:members.title"));
  });

  it("refuses everyone else: 403 for members, sign-in for visitors, 404 for an unknown workshop", async () => {
    for (const email of ["participante@majlis.test", "facilitateur@majlis.test", "rapporteur@majlis.test"]) {
      expect((await (await signedIn(email)).get(peoplePath)).status).toBe(403);
    }
    const visitor = await new HttpClient(app.url).get(peoplePath);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toContain("/login?redirectTo=");
    expect((await (await signedIn(ORGANISER)).get("/workshops/nope/people")).status).toBe(404);
  });
});

describe("roles and members", () => {
  it("refuses a role change posted by a participant, and changes nothing", async () => {
    const participant = await signedIn("participante@majlis.test");
    const response = await participant.post(peoplePath, { intent: "changeRole", userId: await userId("participante@majlis.test"), role: "ORGANISER" });
    expect(response.status).toBe(403);
    expect(await roleOf("participante@majlis.test")).toBe("PARTICIPANT");
    const removal = await participant.post(peoplePath, { intent: "removeMember", userId: await userId(ORGANISER) });
    expect(removal.status).toBe(403);
    expect(await roleOf(ORGANISER)).toBe("ORGANISER");
  });

  it("lets the organiser change a role, with a trace in the audit log", async () => {
    const organiser = await signedIn(ORGANISER);
    const response = await organiser.post(peoplePath, { intent: "changeRole", userId: await userId("observateur@majlis.test"), role: "RAPPORTEUR" });
    expect(response.status).toBe(200);
    expect(visibleText(await response.text())).toContain(fr("people:members.roleChanged", { name: "Omar Fassi", role: fr("common:roles.RAPPORTEUR") }));
    expect(await roleOf("observateur@majlis.test")).toBe("RAPPORTEUR");
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { workshopId, action: "membership.role_changed" } });
    expect(audit).toMatchObject({ actorId: await userId(ORGANISER), subjectId: await userId("observateur@majlis.test"), data: { from: "OBSERVER", to: "RAPPORTEUR" } });

    const invalid = await organiser.post(peoplePath, { intent: "changeRole", userId: await userId("observateur@majlis.test"), role: "KING" });
    expect(invalid.status).toBe(400);
    expect(await roleOf("observateur@majlis.test")).toBe("RAPPORTEUR");
  });

  it("never lets the last organiser step down or be removed", async () => {
    const organiser = await signedIn(ORGANISER);
    const samira = await userId(ORGANISER);
    const attempts: Array<Record<string, string>> = [
      { intent: "removeMember", userId: samira },
      { intent: "changeRole", userId: samira, role: "PARTICIPANT" },
    ];
    for (const fields of attempts) {
      const response = await organiser.post(peoplePath, fields);
      expect(response.status).toBe(409);
      expect(visibleText(await response.text())).toContain(fr("people:members.lastOrganiser"));
      expect(await roleOf(ORGANISER)).toBe("ORGANISER");
    }
  });

  it("removes a member once another organiser exists, and refuses people of other workshops", async () => {
    const organiser = await signedIn(ORGANISER);
    expect((await organiser.post(peoplePath, { intent: "changeRole", userId: await userId("comite@majlis.test"), role: "ORGANISER" })).status).toBe(200);
    const removed = await organiser.post(peoplePath, { intent: "removeMember", userId: await userId("pair@majlis.test") });
    expect(removed.status).toBe(200);
    expect(visibleText(await removed.text())).toContain(fr("people:members.removed", { name: "Ahmed Ben Salah" }));
    expect(await roleOf("pair@majlis.test")).toBeNull();
    expect(await getDb().auditLog.count({ where: { workshopId, action: "membership.removed", subjectId: await userId("pair@majlis.test") } })).toBe(1);

    // With two organisers, one of them may step down, and leaves the page they may no longer see.
    const second = await signedIn("comite@majlis.test");
    const steppedDown = await second.post(peoplePath, { intent: "changeRole", userId: await userId("comite@majlis.test"), role: "COMMITTEE_MEMBER" });
    expect(steppedDown.status).toBe(302);
    expect(steppedDown.headers.get("location")).toBe("/");
    expect(await roleOf("comite@majlis.test")).toBe("COMMITTEE_MEMBER");
    expect((await second.get(peoplePath)).status).toBe(403);

    const outsider = await createUser({ email: "outsider@example.ma", name: "Quelqu'un d'ailleurs", password: "mot de passe ailleurs" });
    expect((await organiser.post(peoplePath, { intent: "changeRole", userId: outsider.id, role: "PARTICIPANT" })).status).toBe(404);
    expect((await organiser.post(peoplePath, { intent: "createResetLink", userId: outsider.id })).status).toBe(403);
    expect(await getDb().passwordReset.count({ where: { userId: outsider.id } })).toBe(0);
    expect(await getDb().membership.count({ where: { userId: outsider.id } })).toBe(0);
  });

  it("refuses to create a reset link for a workshop the organiser does not organise", async () => {
    const facilitator = await signedIn("facilitateur@majlis.test");
    const response = await facilitator.post(peoplePath, { intent: "createResetLink", userId: await userId("participante@majlis.test") });
    expect(response.status).toBe(403);
    expect(await getDb().passwordReset.count({ where: { userId: await userId("participante@majlis.test") } })).toBe(0);
  });
});

describe("invitations", () => {
  it("creates a personal link for the chosen role, shows it once, and lists the invitation as pending", async () => {
    const organiser = await signedIn(ORGANISER);
    const response = await organiser.post(peoplePath, { intent: "createInviteLink", role: "RAPPORTEUR" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`value="${app.url}/invite/[A-Za-z0-9_-]{20,}"`));
    expect(visibleText(html)).toContain(fr("people:invitations.linkCreated", { role: fr("common:roles.RAPPORTEUR") }));

    const invitation = await getDb().invitation.findFirstOrThrow({ where: { workshopId, email: null } });
    expect(invitation).toMatchObject({ role: "RAPPORTEUR", acceptedAt: null, invitedById: await userId(ORGANISER) });
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await getDb().auditLog.count({ where: { workshopId, action: "invitation.created", subjectId: invitation.id } })).toBe(1);

    const list = await (await organiser.get(peoplePath)).text();
    expect(list).not.toContain("/invite/");
    expect(visibleText(list)).toMatch(new RegExp(`${fr("people:invitations.personalLink")} ${fr("common:roles.RAPPORTEUR")} ${fr("people:invitations.statuses.PENDING")}`));
  });

  it("invites by e-mail without SMTP by showing the link to hand over, and checks the address", async () => {
    const organiser = await signedIn(ORGANISER);
    const invalid = await organiser.post(peoplePath, { intent: "inviteByEmail", email: "pas une adresse", role: "PEER" });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(visibleText(invalidHtml)).toContain(fr("errors:email"));
    expect(invalidHtml).toContain('value="pas une adresse"');
    expect(invalidHtml).toMatch(/<option value="PEER" selected="">/);

    const response = await organiser.post(peoplePath, { intent: "inviteByEmail", email: "Pair.Tunis@example.tn", role: "PEER" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`${app.url}/invite/`);
    expect(visibleText(html)).toContain(
      fr("people:invitations.emailNotConfigured", { email: "pair.tunis@example.tn", role: fr("common:roles.PEER") }),
    );
    expect(await getDb().invitation.count({ where: { workshopId, email: "pair.tunis@example.tn", role: "PEER" } })).toBe(1);
  });

  it("shows accepted and expired invitations, and withdraws a pending one", async () => {
    const organiser = await signedIn(ORGANISER);
    const db = getDb();
    const base = { workshopId, invitedById: await userId(ORGANISER), role: "OBSERVER" as const };
    await db.invitation.create({ data: { ...base, email: "ancienne@example.ma", tokenHash: "expired-hash", expiresAt: new Date(Date.now() - 1000) } });
    await db.invitation.create({ data: { ...base, email: "acceptee@example.ma", tokenHash: "accepted-hash", expiresAt: new Date(Date.now() + 1000), acceptedAt: new Date() } });
    const pending = await db.invitation.create({ data: { ...base, email: "a-retirer@example.ma", tokenHash: "pending-hash", expiresAt: new Date(Date.now() + 3600_000) } });

    const text = visibleText(await (await organiser.get(peoplePath)).text());
    expect(text).toMatch(new RegExp(`ancienne@example.ma ${fr("common:roles.OBSERVER")} ${fr("people:invitations.statuses.EXPIRED")}`));
    expect(text).toMatch(new RegExp(`acceptee@example.ma ${fr("common:roles.OBSERVER")} ${fr("people:invitations.statuses.ACCEPTED")}`));

    const revoked = await organiser.post(peoplePath, { intent: "revokeInvitation", invitationId: pending.id });
    expect(revoked.status).toBe(200);
    expect(visibleText(await revoked.text())).toContain(fr("people:invitations.revoked"));
    expect(await db.invitation.count({ where: { id: pending.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { workshopId, action: "invitation.revoked", subjectId: pending.id } })).toBe(1);
    // Twice, or from a participant: nothing to revoke / not allowed.
    expect((await organiser.post(peoplePath, { intent: "revokeInvitation", invitationId: pending.id })).status).toBe(404);
    const accepted = await db.invitation.findUniqueOrThrow({ where: { tokenHash: "accepted-hash" } });
    expect((await organiser.post(peoplePath, { intent: "revokeInvitation", invitationId: accepted.id })).status).toBe(404);
    const participant = await signedIn("participante@majlis.test");
    const expired = await db.invitation.findUniqueOrThrow({ where: { tokenHash: "expired-hash" } });
    expect((await participant.post(peoplePath, { intent: "revokeInvitation", invitationId: expired.id })).status).toBe(403);
    expect(await db.invitation.count({ where: { id: expired.id } })).toBe(1);
  });

  it("refuses a participant who tries to create an invitation", async () => {
    const participant = await signedIn("participante@majlis.test");
    const before = await getDb().invitation.count();
    expect((await participant.post(peoplePath, { intent: "createInviteLink", role: "ORGANISER" })).status).toBe(403);
    expect(await getDb().invitation.count()).toBe(before);
  });

  it("answers 400 to an unknown action", async () => {
    const organiser = await signedIn(ORGANISER);
    expect((await organiser.post(peoplePath, { intent: "makeEveryoneOrganiser" })).status).toBe(400);
  });
});
