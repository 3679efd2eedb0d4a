import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { HttpClient, useApp } from "../support/app";
import { signedIn } from "../support/committee";
import { seedDemo } from "../support/demo";
import { checkedValues, pageHtml, visibleText } from "../support/page-html";
import { parseCsv } from "../support/parse-csv";
import { makeInstitution, practiceForm, practiceRow, publishPractice, signedInPerson, writePractice, type Person } from "../support/practices";

const app = useApp();

let alpha: { id: string; name: string; country: string; contactName: string; contactEmail: string };
let beta: { id: string; name: string };
/** Alpha's administrator, Alpha's other member, Beta's member, someone of no institution, a platform moderator. */
let alphaAdmin: Person;
let alphaMember: Person;
let betaMember: Person;
let loner: Person;
let moderator: HttpClient;
let anonymous: HttpClient;

beforeAll(async () => {
  await seedDemo();
  alpha = await makeInstitution("Institution Alpha", "SN");
  beta = await makeInstitution("Institution Beta", "TN");
  alphaAdmin = await signedInPerson(app.url, { name: "Alpha Admin", organisationId: alpha.id, organisationAdmin: true });
  alphaMember = await signedInPerson(app.url, { name: "Alpha Member", organisationId: alpha.id });
  betaMember = await signedInPerson(app.url, { name: "Beta Member", organisationId: beta.id });
  loner = await signedInPerson(app.url, { name: "No Institution" });
  moderator = await signedIn(app.url, "organisatrice@majlis.test");
  anonymous = new HttpClient(app.url, { "Accept-Language": "fr" });
});

const libraryText = async (http: HttpClient, query = "") => visibleText(await pageHtml(await http.get(`/practices${query}`)));

describe("writing a practice", () => {
  it("is offered to people of an institution, with its country and contact as defaults", async () => {
    const html = await pageHtml(await alphaAdmin.http.get("/practices/new"));
    expect(html).toContain('<h1 id="new-practice-title">Partager une pratique</h1>');
    expect(html).toMatch(/<option value="SN" selected="">Sénégal<\/option>/);
    expect(html).toContain(`value="${alpha.contactEmail}"`);
    expect(html).toContain('<label for="figures-0-label">Libellé, ligne 1</label>');
    expect(checkedValues(html, "languages")).toEqual(["fr"]);
    expect(checkedValues(html, "visibility")).toEqual(["INSTITUTION"]);

    const loners = await loner.http.get("/practices/new");
    expect(loners.status).toBe(403);
    expect(visibleText(await pageHtml(loners))).toContain("votre compte doit être rattaché à une institution");
    expect((await loner.http.post("/practices/new", practiceForm())).status).toBe(403);
    const signedOut = await anonymous.get("/practices/new");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toContain("/login");
  });

  it("saves a draft of the writer's own institution, whatever institution or status the form claims", async () => {
    const id = await writePractice(alphaMember.http, { organisationId: beta.id, status: "PUBLISHED", authorId: betaMember.id, title: "Guichet des porteurs de projets" });
    const practice = await practiceRow(id);
    expect(practice).toMatchObject({ organisationId: alpha.id, authorId: alphaMember.id, status: "DRAFT", visibility: "INSTITUTION", country: "MA" });
    expect(practice.figures).toEqual([{ label: "Porteurs de projets accompagnés", value: "240" }]);
    expect(practice.searchText).toContain("guichet des porteurs de projets");
    expect(practice.searchText).toContain("maroc");
  });

  it("sends a wrong form back with every error in the reader's language and nothing typed lost", async () => {
    const english = await signedInPerson(app.url, { name: "English Writer", organisationId: alpha.id, language: "en" });
    const response = await english.http.post(
      "/practices/new",
      practiceForm({ problem: "", title: "Mapping the diaspora's skills", "resourceTitle[]": ["Report", "", ""], "resourceUrl[]": ["javascript:alert(1)", "", ""], themes: [], languages: [] }),
    );
    expect(response.status).toBe(400);
    const html = await pageHtml(response);
    const text = visibleText(html);
    expect(text).toContain("The form has errors");
    expect(text).toContain("This field is required.");
    expect(text).toContain("Enter a full web address, starting with http:// or https://.");
    expect(text).toContain("Choose at least one theme.");
    expect(text).toContain("Choose at least one language.");
    expect(html).toContain('value="Mapping the diaspora\'s skills"');
    expect(html).toContain('value="javascript:alert(1)"');
    expect(html).toContain('value="Porteurs de projets accompagnés"');
    expect(await getDb().practice.count({ where: { title: "Mapping the diaspora's skills" } })).toBe(0);
  });

  it("is edited by its author and the institution's administrators only", async () => {
    const id = await writePractice(alphaMember.http, { title: "Pratique de l'auteur" });
    const colleague = await signedInPerson(app.url, { name: "Alpha Colleague", organisationId: alpha.id });
    expect((await colleague.http.get(`/practices/${id}`)).status).toBe(200);
    expect((await colleague.http.get(`/practices/${id}/edit`)).status).toBe(403);
    expect((await colleague.http.post(`/practices/${id}/edit`, practiceForm({ intent: "save", title: "Réécrite" }))).status).toBe(403);
    expect((await colleague.http.post(`/practices/${id}`, { intent: "publish" })).status).toBe(403);
    // Beta does not even learn that the draft exists.
    expect((await betaMember.http.get(`/practices/${id}/edit`)).status).toBe(404);
    expect((await betaMember.http.post(`/practices/${id}/edit`, practiceForm({ intent: "save", title: "Réécrite" }))).status).toBe(404);
    expect((await practiceRow(id)).title).toBe("Pratique de l'auteur");

    const saved = await alphaAdmin.http.post(`/practices/${id}/edit`, practiceForm({ intent: "save", title: "Pratique revue par l'administratrice", country: "SN" }));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/practices/${id}`);
    const practice = await practiceRow(id);
    expect(practice).toMatchObject({ title: "Pratique revue par l'administratrice", country: "SN", status: "DRAFT" });
    expect(practice.searchText).toContain("senegal");
  });

  it("shows the practice laid out, with links that cannot act on the page", async () => {
    const id = await writePractice(alphaAdmin.http, {
      title: "Université d'été des jeunes",
      results: "سنة بعد سنة",
      "figureLabel[]": ["Jeunes accueillis", "Pays", ""],
      "figureValue[]": ["320", "9", ""],
      "resourceTitle[]": ["Rapport d'activité", "", ""],
      "resourceUrl[]": ["https://example.org/rapport", "", ""],
      themes: ["YOUTH_AND_EDUCATION", "CULTURE_AND_LANGUAGE"],
      languages: ["fr", "ar"],
    });
    const html = await pageHtml(await alphaMember.http.get(`/practices/${id}`));
    expect(html).toContain('<h1 id="practice-title" dir="auto">Université d\'été des jeunes</h1>');
    expect(html).toMatch(/<span class="practice-figure__value" dir="auto">320<\/span><span class="practice-figure__label" dir="auto">Jeunes accueillis<\/span>/);
    expect(html).toContain('<a href="https://example.org/rapport" rel="noopener noreferrer" target="_blank" dir="auto">Rapport d\'activité</a>');
    expect(html).toContain('<p class="practice-text__body" dir="auto">سنة بعد سنة</p>');
    expect(html).toContain(`href="/institutions/${alpha.id}"`);
    const text = visibleText(html);
    for (const expected of ["Brouillon", "Jeunesse et éducation", "Culture et langue", "Français · العربية", "Samira", "samira@example.test"]) {
      expect(text).toContain(expected);
    }
    expect(html).not.toContain('name="intent" value="publish"');
    const editorsView = await pageHtml(await alphaAdmin.http.get(`/practices/${id}`));
    expect(editorsView).toContain('name="intent" value="publish"');
    expect(editorsView).toContain(`href="/practices/${id}/edit"`);
    expect(editorsView).not.toContain('name="intent" value="approve"');
  });
});

describe("publishing and moderation", () => {
  it("publishes a practice kept within the institution at once", async () => {
    const id = await writePractice(alphaAdmin.http, { title: "Publiée pour Alpha" });
    expect((await alphaAdmin.http.post(`/practices/${id}`, { intent: "publish" })).status).toBe(302);
    const practice = await practiceRow(id);
    expect(practice.status).toBe("PUBLISHED");
    expect(practice.publishedAt).not.toBeNull();
    expect(await getDb().auditLog.count({ where: { subjectType: "practice", subjectId: id, action: "practice.published" } })).toBe(1);
    expect((await betaMember.http.get(`/practices/${id}`)).status).toBe(404);
  });

  it("takes a shared practice through moderation: refused with a note, edited, approved", async () => {
    const id = await writePractice(alphaAdmin.http, { title: "Partagée avec les pairs", visibility: "PEERS" });
    expect((await alphaAdmin.http.post(`/practices/${id}`, { intent: "publish" })).status).toBe(302);
    expect(await practiceRow(id)).toMatchObject({ status: "PENDING", publishedAt: null });
    expect((await practiceRow(id)).submittedAt).not.toBeNull();
    expect((await betaMember.http.get(`/practices/${id}`)).status).toBe(404);

    // The queue is the moderators' only; the library shows them how many wait.
    expect((await alphaAdmin.http.get("/practices/moderation")).status).toBe(403);
    const queue = await pageHtml(await moderator.get("/practices/moderation"));
    expect(queue).toContain(`href="/practices/${id}"`);
    expect(await libraryText(moderator)).toMatch(/Modération \(\d+ en attente\)/);
    expect(await libraryText(alphaAdmin.http)).not.toContain("Modération (");

    // Nobody but a moderator decides, and a refusal needs its reason.
    expect((await alphaAdmin.http.post(`/practices/${id}`, { intent: "approve" })).status).toBe(403);
    expect((await betaMember.http.post(`/practices/${id}`, { intent: "approve" })).status).toBe(404);
    expect((await practiceRow(id)).status).toBe("PENDING");
    const noReason = await moderator.post(`/practices/${id}`, { intent: "reject", note: "  " });
    expect(noReason.status).toBe(400);
    expect(visibleText(await pageHtml(noReason))).toContain("Dites à l'institution pourquoi la pratique est refusée.");

    expect((await moderator.post(`/practices/${id}`, { intent: "reject", note: "Précisez les résultats obtenus." })).status).toBe(302);
    expect(await practiceRow(id)).toMatchObject({ status: "REJECTED", moderationNote: "Précisez les résultats obtenus." });
    expect(visibleText(await pageHtml(await alphaMember.http.get(`/practices/${id}`)))).toContain("Refusée par la modération. Motif : Précisez les résultats obtenus.");
    expect((await moderator.get(`/practices/${id}`)).status).toBe(404);
    // A refused practice is not approved afterwards by a crafted request.
    expect((await moderator.post(`/practices/${id}`, { intent: "approve" })).status).toBe(404);

    expect((await alphaAdmin.http.post(`/practices/${id}/edit`, practiceForm({ intent: "save", title: "Partagée avec les pairs", visibility: "PEERS", results: "Des résultats." }))).status).toBe(302);
    expect((await practiceRow(id)).status).toBe("DRAFT");
    expect((await alphaAdmin.http.post(`/practices/${id}`, { intent: "publish" })).status).toBe(302);
    expect((await moderator.post(`/practices/${id}`, { intent: "approve" })).status).toBe(302);
    const approved = await practiceRow(id);
    expect(approved).toMatchObject({ status: "PUBLISHED", moderationNote: "" });
    expect(approved.moderatedById).toBe(await getDb().user.findUniqueOrThrow({ where: { email: "organisatrice@majlis.test" } }).then((user) => user.id));
    expect(approved.publishedAt).not.toBeNull();
    expect((await betaMember.http.get(`/practices/${id}`)).status).toBe(200);
    // Approving what is no longer pending changes nothing.
    const again = await moderator.post(`/practices/${id}`, { intent: "approve" });
    expect(again.status).toBe(409);
    expect(
      (await getDb().auditLog.findMany({ where: { subjectType: "practice", subjectId: id }, orderBy: { createdAt: "asc" }, select: { action: true } })).map((entry) => entry.action),
    ).toEqual(["practice.submitted", "practice.rejected", "practice.reopened", "practice.submitted", "practice.published"]);
  });

  it("sends a shared practice edited after approval back to moderation, out of its peers' sight", async () => {
    const id = await writePractice(alphaAdmin.http, { title: "Approuvée puis modifiée", visibility: "PUBLIC" });
    await publishPractice(alphaAdmin.http, moderator, id);
    expect((await anonymous.get(`/practices/${id}`)).status).toBe(200);

    // Saving without changing anything keeps it published.
    expect((await alphaAdmin.http.post(`/practices/${id}/edit`, practiceForm({ intent: "save", title: "Approuvée puis modifiée", visibility: "PUBLIC" }))).status).toBe(302);
    expect((await practiceRow(id)).status).toBe("PUBLISHED");

    const editPage = visibleText(await pageHtml(await alphaAdmin.http.get(`/practices/${id}/edit`)));
    expect(editPage).toContain("toute modification la renvoie en modération");
    expect((await alphaAdmin.http.post(`/practices/${id}/edit`, practiceForm({ intent: "save", title: "Approuvée puis modifiée", visibility: "PUBLIC", approach: "Autre chose." }))).status).toBe(302);
    expect((await practiceRow(id)).status).toBe("PENDING");
    expect((await anonymous.get(`/practices/${id}`)).status).toBe(404);
    expect((await betaMember.http.get(`/practices/${id}`)).status).toBe(404);
  });

  it("sends a practice published within the institution to moderation when it is widened", async () => {
    const id = await writePractice(alphaAdmin.http, { title: "Élargie après publication" });
    await publishPractice(alphaAdmin.http, moderator, id);
    expect((await alphaAdmin.http.post(`/practices/${id}/edit`, practiceForm({ intent: "save", title: "Élargie après publication", visibility: "PEERS" }))).status).toBe(302);
    expect(await practiceRow(id)).toMatchObject({ status: "PENDING", visibility: "PEERS" });
    expect((await betaMember.http.get(`/practices/${id}`)).status).toBe(404);
  });

  it("refuses crafted status changes and lets editors withdraw and delete", async () => {
    const id = await writePractice(alphaAdmin.http, { title: "À retirer puis supprimer" });
    expect((await alphaAdmin.http.post(`/practices/${id}`, { intent: "status", status: "PUBLISHED" })).status).toBe(400);
    expect((await alphaAdmin.http.post(`/practices/${id}/edit`, practiceForm({ intent: "save", title: "À retirer puis supprimer", status: "PUBLISHED" }))).status).toBe(302);
    expect((await practiceRow(id)).status).toBe("DRAFT");
    expect((await alphaAdmin.http.post(`/practices/${id}`, { intent: "withdraw" })).status).toBe(409);

    await publishPractice(alphaAdmin.http, moderator, id);
    expect((await alphaAdmin.http.post(`/practices/${id}`, { intent: "delete" })).status).toBe(409);
    expect((await alphaMember.http.post(`/practices/${id}`, { intent: "withdraw" })).status).toBe(403);
    expect((await alphaAdmin.http.post(`/practices/${id}`, { intent: "withdraw" })).status).toBe(302);
    expect((await practiceRow(id)).status).toBe("DRAFT");
    const deleted = await alphaAdmin.http.post(`/practices/${id}`, { intent: "delete" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Location")).toBe("/practices?scope=mine");
    expect(await getDb().practice.count({ where: { id } })).toBe(0);
  });
});

describe("who reads what", () => {
  let institutionOnly: string;
  let peers: string;
  let everyone: string;

  beforeAll(async () => {
    institutionOnly = await writePractice(alphaAdmin.http, { title: "Zellige interne Alpha", visibility: "INSTITUTION" });
    peers = await writePractice(alphaAdmin.http, { title: "Zellige entre pairs Alpha", visibility: "PEERS" });
    everyone = await writePractice(alphaAdmin.http, { title: "Zellige public Alpha", visibility: "PUBLIC" });
    for (const id of [institutionOnly, peers, everyone]) await publishPractice(alphaAdmin.http, moderator, id);
  });

  it("keeps a practice for the institution within it: no page, no search result, no export line elsewhere", async () => {
    expect((await alphaMember.http.get(`/practices/${institutionOnly}`)).status).toBe(200);
    expect(await libraryText(alphaMember.http, "?q=zellige")).toContain("Zellige interne Alpha");
    for (const outsider of [betaMember.http, loner.http, anonymous, moderator]) {
      const page = await outsider.get(`/practices/${institutionOnly}`);
      expect(page.status).toBe(404);
      expect(await page.text()).not.toContain("Zellige interne Alpha");
      for (const query of ["?q=zellige", "?q=interne", "", `?institution=${alpha.id}`]) expect(await libraryText(outsider, query)).not.toContain("Zellige interne");
      const csv = await (await outsider.get("/practices.csv?q=zellige")).text();
      expect(csv).not.toContain("Zellige interne");
    }
  });

  it("shows a practice shared with peers to other institutions only, and a public one to everyone", async () => {
    for (const [reader, sees] of [
      [betaMember.http, ["Zellige entre pairs Alpha", "Zellige public Alpha"]],
      [loner.http, ["Zellige public Alpha"]],
      [anonymous, ["Zellige public Alpha"]],
    ] as const) {
      const text = await libraryText(reader, "?q=zellige");
      for (const title of ["Zellige entre pairs Alpha", "Zellige public Alpha"]) {
        expect(text.includes(title), title).toBe((sees as readonly string[]).includes(title));
      }
      expect((await reader.get(`/practices/${peers}`)).status).toBe(sees.length === 2 ? 200 : 404);
      expect((await reader.get(`/practices/${everyone}`)).status).toBe(200);
    }
    expect(await libraryText(anonymous)).toContain("Connectez-vous pour voir aussi celles que les institutions partagent entre elles.");
  });

  it("exports the search as a spreadsheet within the same limits", async () => {
    const response = await betaMember.http.get("/practices.csv?q=zellige");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="pratiques-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = new Uint8Array(await response.arrayBuffer());
    expect([...body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(body).slice(1));
    expect(rows[0]).toEqual(["Titre", "Institution", "Pays", "Thèmes", "Langues", "Visibilité", "État", "Publiée le", "Lien"]);
    expect(rows.slice(1).map((row) => row[0]).sort()).toEqual(["Zellige entre pairs Alpha", "Zellige public Alpha"]);
    const row = rows.find((candidate) => candidate[0] === "Zellige entre pairs Alpha");
    expect(row?.slice(1, 7)).toEqual([alpha.name, "Maroc", "Mobilisation des compétences", "Français", "Institutions pairs", "Publiée"]);
    expect(row?.[7]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row?.[8]).toBe(`${app.url}/practices/${peers}`);
  });

  it("lists the institution's own practices in every state for its people", async () => {
    const draft = await writePractice(alphaMember.http, { title: "Zellige brouillon Alpha" });
    const mine = await pageHtml(await alphaMember.http.get("/practices?scope=mine&q=zellige"));
    const text = visibleText(mine);
    expect(text).toContain("Zellige brouillon Alpha");
    expect(text).toContain("Brouillon");
    expect(mine).toMatch(/<a[^>]*aria-current="page"[^>]*>Les pratiques de mon institution \(\d+\)<\/a>/);
    expect(await libraryText(alphaMember.http, "?q=zellige")).not.toContain("Zellige brouillon Alpha");
    expect(await libraryText(betaMember.http, "?scope=mine&q=zellige")).not.toContain("Zellige brouillon Alpha");
    expect(await libraryText(anonymous, "?scope=mine&q=zellige")).not.toContain("Zellige brouillon Alpha");
    expect((await alphaMember.http.get(`/practices/${draft}`)).status).toBe(200);
  });
});

describe("navigation", () => {
  it("links the library from the header and offers the moderation queue to moderators", async () => {
    const html = await pageHtml(await anonymous.get("/"));
    expect(html).toMatch(/<a [^>]*href="\/practices"[^>]*>Pratiques<\/a>/);
    const library = await pageHtml(await moderator.get("/practices"));
    expect(library).toContain('href="/practices/moderation"');
    expect(library).toContain('href="/practices/new"');
    expect(library).toContain('href="/practices.csv"');
  });
});
