import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { HttpClient, useApp } from "../support/app";
import { signedIn } from "../support/committee";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";
import { makeInstitution, practiceRow, publishPractice, signedInPerson, writePractice, type Person } from "../support/practices";

const app = useApp();

const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

let owner: Person;
let colleague: Person;
let outsider: Person;
let english: Person;
let moderator: HttpClient;
let anonymous: HttpClient;

beforeAll(async () => {
  await seedDemo();
  const alpha = await makeInstitution("Alpha");
  const beta = await makeInstitution("Beta");
  owner = await signedInPerson(app.url, { name: "Owner", organisationId: alpha.id, organisationAdmin: true });
  colleague = await signedInPerson(app.url, { name: "Colleague", organisationId: alpha.id });
  english = await signedInPerson(app.url, { name: "English Owner", organisationId: alpha.id, organisationAdmin: true, language: "en" });
  outsider = await signedInPerson(app.url, { name: "Outsider", organisationId: beta.id });
  moderator = await signedIn(app.url, "organisatrice@majlis.test");
  anonymous = new HttpClient(app.url);
});

function upload(http: HttpClient, practiceId: string, file: { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string } | null) {
  const form = new FormData();
  form.append("intent", "upload");
  form.append("file", file ? new File([file.bytes], file.name, { type: file.type ?? "application/octet-stream" }) : new File([], ""));
  return http.request(`/practices/${practiceId}/edit`, { method: "POST", body: form });
}

const attachmentsOf = (practiceId: string) =>
  getDb().practiceAttachment.findMany({ where: { practiceId }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, contentType: true } });

describe("attaching files", () => {
  it("stores an accepted file and serves the same bytes back as a download", async () => {
    const practiceId = await writePractice(owner.http);
    const response = await upload(owner.http, practiceId, { name: "Rapport d'activité تقرير.pdf", bytes: PDF, type: "text/html" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/practices/${practiceId}/edit#attachments`);
    const [attachment] = await attachmentsOf(practiceId);
    expect(attachment).toMatchObject({ fileName: "Rapport d'activité تقرير.pdf", size: PDF.byteLength, contentType: "application/pdf" });

    const download = await colleague.http.get(`/practices/${practiceId}/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(download.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Rapport d'activite _____.pdf"; filename*=UTF-8''${encodeURIComponent("Rapport d'activité تقرير.pdf").replace("'", "%27")}`,
    );

    const page = await pageHtml(await colleague.http.get(`/practices/${practiceId}`));
    expect(page).toContain(`href="/practices/${practiceId}/attachments/${attachment.id}"`);
    expect(visibleText(page)).toMatch(/PDF · \d+(,\d)?\sko/);
  });

  it("refuses a file whose content is not what its name says, with a clear message, keeping the others", async () => {
    const practiceId = await writePractice(owner.http);
    expect((await upload(owner.http, practiceId, { name: "photo.png", bytes: PNG })).status).toBe(302);
    const before = await attachmentsOf(practiceId);

    const disguised = await upload(owner.http, practiceId, { name: "rapport.pdf", bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>"), type: "application/pdf" });
    expect(disguised.status).toBe(400);
    expect(visibleText(await pageHtml(disguised))).toContain("Le contenu de ce fichier ne correspond pas à son extension : il n'est pas accepté.");
    const program = await upload(owner.http, practiceId, { name: "outil.exe", bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) });
    expect(program.status).toBe(400);
    expect(visibleText(await pageHtml(program))).toContain("Ce type de fichier n'est pas accepté.");
    const none = await upload(owner.http, practiceId, null);
    expect(none.status).toBe(400);
    expect(visibleText(await pageHtml(none))).toContain("Choisissez un fichier à joindre.");
    expect(await attachmentsOf(practiceId)).toEqual(before);
  });

  it("refuses a file over 10 MB with a message in the reader's language, not an error page", async () => {
    const practiceId = await writePractice(english.http);
    expect((await upload(english.http, practiceId, { name: "photo.png", bytes: PNG })).status).toBe(302);
    const before = await attachmentsOf(practiceId);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const response = await upload(english.http, practiceId, { name: "big.pdf", bytes: big });
    expect(response.status).toBe(413);
    const text = visibleText(await pageHtml(response));
    expect(text).toContain("This file is larger than 10 MB");
    expect(text).toContain("Edit the practice");
    expect(await attachmentsOf(practiceId)).toEqual(before);

    // Sent in chunks without announcing its length, it is stopped while it streams in.
    const boundary = "----majlis-test-boundary";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    const chunks = [head, ...Array.from({ length: 11 }, () => new Uint8Array(1024 * 1024).fill(0x41)), tail];
    const streamed = await english.http.request(`/practices/${practiceId}/edit`, {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body: new ReadableStream({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(visibleText(await pageHtml(streamed))).toContain("This file is larger than 10 MB");
    expect(await attachmentsOf(practiceId)).toEqual(before);

    // Exactly 10 MB is accepted.
    const limit = new Uint8Array(10 * 1024 * 1024);
    limit.set(PDF);
    expect((await upload(english.http, practiceId, { name: "limit.pdf", bytes: limit })).status).toBe(302);
    expect(await attachmentsOf(practiceId)).toHaveLength(2);
  });

  it("takes at most ten files per practice", async () => {
    const practiceId = await writePractice(owner.http);
    for (let index = 0; index < 10; index += 1) {
      expect((await upload(owner.http, practiceId, { name: `note-${index}.txt`, bytes: new TextEncoder().encode(`Note ${index} — ملاحظة`) })).status).toBe(302);
    }
    const eleventh = await upload(owner.http, practiceId, { name: "note-10.txt", bytes: new TextEncoder().encode("une de trop") });
    expect(eleventh.status).toBe(400);
    expect(visibleText(await pageHtml(eleventh))).toContain("Une pratique a au plus 10 documents");
    expect(await attachmentsOf(practiceId)).toHaveLength(10);
    expect(visibleText(await pageHtml(await owner.http.get(`/practices/${practiceId}/edit`)))).toContain("Cette pratique a déjà 10 documents");
  });

  it("lets only the practice's editors add and remove files", async () => {
    const practiceId = await writePractice(owner.http);
    expect((await upload(owner.http, practiceId, { name: "photo.png", bytes: PNG })).status).toBe(302);
    const [attachment] = await attachmentsOf(practiceId);
    expect((await upload(colleague.http, practiceId, { name: "photo.png", bytes: PNG })).status).toBe(403);
    expect((await upload(outsider.http, practiceId, { name: "photo.png", bytes: PNG })).status).toBe(404);
    expect((await upload(anonymous, practiceId, { name: "photo.png", bytes: PNG })).status).toBe(302);
    expect((await colleague.http.post(`/practices/${practiceId}/edit`, { intent: "removeAttachment", attachmentId: attachment.id })).status).toBe(403);
    expect(await attachmentsOf(practiceId)).toHaveLength(1);
    expect((await owner.http.post(`/practices/${practiceId}/edit`, { intent: "removeAttachment", attachmentId: attachment.id })).status).toBe(302);
    expect(await attachmentsOf(practiceId)).toHaveLength(0);
  });

  it("sends a shared practice back to moderation when a file is added after approval", async () => {
    const practiceId = await writePractice(owner.http, { visibility: "PEERS" });
    await publishPractice(owner.http, moderator, practiceId);
    expect((await upload(owner.http, practiceId, { name: "photo.png", bytes: PNG })).status).toBe(302);
    expect((await practiceRow(practiceId)).status).toBe("PENDING");
  });
});

describe("downloading files", () => {
  it("serves a file only to those who may read its practice, checked at every download", async () => {
    const practiceId = await writePractice(owner.http, { visibility: "INSTITUTION" });
    expect((await upload(owner.http, practiceId, { name: "interne.pdf", bytes: PDF })).status).toBe(302);
    await publishPractice(owner.http, moderator, practiceId);
    const [attachment] = await attachmentsOf(practiceId);
    const path = `/practices/${practiceId}/attachments/${attachment.id}`;
    expect((await colleague.http.get(path)).status).toBe(200);
    for (const reader of [outsider.http, anonymous, moderator]) expect((await reader.get(path)).status).toBe(404);
    // An attachment asked for through another practice is not found either.
    const other = await writePractice(outsider.http);
    expect((await outsider.http.get(`/practices/${other}/attachments/${attachment.id}`)).status).toBe(404);

    await getDb().practice.update({ where: { id: practiceId }, data: { visibility: "PUBLIC" } });
    expect((await anonymous.get(path)).status).toBe(200);
    expect((await owner.http.post(`/practices/${practiceId}`, { intent: "withdraw" })).status).toBe(302);
    expect((await anonymous.get(path)).status).toBe(404);
    expect((await outsider.http.get(path)).status).toBe(404);
  });
});
