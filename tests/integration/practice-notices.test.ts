import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { useApp } from "../support/app";
import { makeInstitution, signedInPerson, writePractice, type Person } from "../support/practices";

const app = useApp();

let author: Person;
let colleagueAdmin: Person;
let moderator: Person;
let otherModerator: Person;
let organisationId: string;

beforeAll(async () => {
  const institution = await makeInstitution("Institution Gamma", "SN");
  organisationId = institution.id;
  const moderators = await makeInstitution("Plateforme");
  author = await signedInPerson(app.url, { name: "Gamma Author", organisationId });
  colleagueAdmin = await signedInPerson(app.url, { name: "Gamma Admin", organisationId, organisationAdmin: true });
  moderator = await signedInPerson(app.url, { name: "Moderator One", organisationId: moderators.id, platformModerator: true });
  otherModerator = await signedInPerson(app.url, { name: "Moderator Two", organisationId: moderators.id, platformModerator: true });
});

const kindsFor = async (person: Person, practiceId: string) =>
  (await getDb().notification.findMany({ where: { userId: person.id, subjectId: practiceId }, orderBy: { createdAt: "asc" } })).map((row) => row.kind);

describe("what moderation tells whom", () => {
  it("a practice shared with peers reaches the moderators' notifications; approval reaches its author and institution", async () => {
    const practiceId = await writePractice(author.http, { title: "Bourses de mobilité pour jeunes diplômés", visibility: "PEERS" });
    expect((await author.http.post(`/practices/${practiceId}`, { intent: "publish" })).status).toBe(302);
    expect(await kindsFor(moderator, practiceId)).toEqual(["practice.submitted"]);
    expect(await kindsFor(otherModerator, practiceId)).toEqual(["practice.submitted"]);
    expect(await kindsFor(colleagueAdmin, practiceId)).toEqual([]);

    expect((await moderator.http.post(`/practices/${practiceId}`, { intent: "approve" })).status).toBe(302);
    expect(await kindsFor(author, practiceId)).toEqual(["practice.published"]);
    expect(await kindsFor(colleagueAdmin, practiceId)).toEqual(["practice.published"]);
    // The moderator who decided is not told of their own decision.
    expect(await kindsFor(moderator, practiceId)).toEqual(["practice.submitted"]);
  });

  it("a rejection carries the moderator's reason to the institution; a practice kept within the institution bothers nobody", async () => {
    const shared = await writePractice(author.http, { title: "Caravane consulaire", visibility: "PUBLIC" });
    await author.http.post(`/practices/${shared}`, { intent: "publish" });
    const note = "Ajoutez les résultats chiffrés de la caravane.";
    expect((await moderator.http.post(`/practices/${shared}`, { intent: "reject", note })).status).toBe(302);
    const rejection = await getDb().notification.findFirstOrThrow({ where: { userId: author.id, subjectId: shared, kind: "practice.rejected" } });
    expect(rejection.data).toEqual({ excerpt: note });

    const internal = await writePractice(author.http, { title: "Fichier interne des mentors", visibility: "INSTITUTION" });
    await author.http.post(`/practices/${internal}`, { intent: "publish" });
    expect((await getDb().practice.findUniqueOrThrow({ where: { id: internal } })).status).toBe("PUBLISHED");
    expect(await getDb().notification.count({ where: { subjectId: internal } })).toBe(0);
  });
});
