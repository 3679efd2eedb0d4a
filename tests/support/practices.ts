import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { getDb } from "~/db/client.server";
import { HttpClient } from "./app";
import { makeUser, TEST_PASSWORD } from "./registration-fixtures";

/** Set-up shared by the practice library's tests: institutions, their people signed in, practices written through the pages. */

export async function makeInstitution(name: string, country = "MA") {
  return getDb().organisation.create({
    data: { name: `${name} ${randomBytes(2).toString("hex")}`, country, contactName: `Contact ${name}`, contactEmail: `contact.${randomBytes(2).toString("hex")}@example.test` },
  });
}

export interface Person {
  id: string;
  email: string;
  http: HttpClient;
}

/** Someone signed in, belonging to an institution (or to none), with the given rights. */
export async function signedInPerson(
  baseUrl: string,
  input: { name: string; organisationId?: string | null; organisationAdmin?: boolean; platformModerator?: boolean; language?: string },
): Promise<Person> {
  const user = await makeUser(input.name);
  await getDb().user.update({
    where: { id: user.id },
    data: { organisationId: input.organisationId ?? null, organisationAdmin: input.organisationAdmin ?? false, platformModerator: input.platformModerator ?? false },
  });
  const http = new HttpClient(baseUrl, { "Accept-Language": input.language ?? "fr" });
  await http.signIn(user.email, TEST_PASSWORD);
  return { id: user.id, email: user.email, http };
}

/** The practice form as a browser sends it, with three blank rows of figures and links like the page offers. */
export function practiceForm(fields: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    intent: "create",
    title: "Mentorat de porteurs de projets",
    problem: "Les porteurs de projets manquaient d'accompagnement.",
    approach: "Un réseau de mentors de la diaspora.",
    results: "",
    "figureLabel[]": ["Porteurs de projets accompagnés", "", "", ""],
    "figureValue[]": ["240", "", "", ""],
    "resourceTitle[]": ["", "", ""],
    "resourceUrl[]": ["", "", ""],
    contactName: "Samira",
    contactEmail: "samira@example.test",
    country: "MA",
    themes: ["SKILLS_MOBILISATION"],
    languages: ["fr"],
    visibility: "INSTITUTION",
    ...fields,
  };
}

/** Writes a practice through /practices/new and returns its id. */
export async function writePractice(http: HttpClient, fields: Record<string, string | string[]> = {}) {
  const response = await http.post("/practices/new", practiceForm(fields));
  expect(response.status, await response.clone().text()).toBe(302);
  const id = /^\/practices\/([^/]+)$/.exec(response.headers.get("Location") ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${response.headers.get("Location")}`);
  return id;
}

/** Takes a practice through "publish" and, when it waits for moderation, through a moderator's approval. */
export async function publishPractice(owner: HttpClient, moderator: HttpClient, practiceId: string) {
  expect((await owner.post(`/practices/${practiceId}`, { intent: "publish" })).status).toBe(302);
  const { status } = await getDb().practice.findUniqueOrThrow({ where: { id: practiceId }, select: { status: true } });
  if (status === "PENDING") expect((await moderator.post(`/practices/${practiceId}`, { intent: "approve" })).status).toBe(302);
  expect((await getDb().practice.findUniqueOrThrow({ where: { id: practiceId }, select: { status: true } })).status).toBe("PUBLISHED");
}

export const practiceRow = (practiceId: string) => getDb().practice.findUniqueOrThrow({ where: { id: practiceId } });
