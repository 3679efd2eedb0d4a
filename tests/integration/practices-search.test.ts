import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { HttpClient, useApp } from "../support/app";
import { signedIn } from "../support/committee";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";
import { parseCsv } from "../support/parse-csv";
import { makeInstitution, publishPractice, signedInPerson, writePractice, type Person } from "../support/practices";

const app = useApp();

let writer: Person;
let moderator: HttpClient;
let anonymous: HttpClient;
let french: string;
let arabic: string;
let english: string;

beforeAll(async () => {
  await seedDemo();
  const institution = await makeInstitution("Agence de la diaspora", "SN");
  writer = await signedInPerson(app.url, { name: "Search Writer", organisationId: institution.id, organisationAdmin: true });
  moderator = await signedIn(app.url, "organisatrice@majlis.test");
  anonymous = new HttpClient(app.url, { "Accept-Language": "fr" });
  french = await writePractice(writer.http, {
    title: "Fonds d'amorçage pour entrepreneuses de la diaspora",
    problem: "Les entrepreneuses rencontraient des difficultés d'accès au financement bancaire.",
    approach: "Un fonds public garantit les prêts d'honneur.",
    themes: ["WOMEN_AND_ENTREPRENEURSHIP"],
    visibility: "PUBLIC",
  });
  arabic = await writePractice(writer.http, {
    title: "برنامج إدماج الكفاءات المغربية الشابة",
    problem: "لم تكن المؤسسات تعرف الكفاءات الشابة المقيمة في الخارج.",
    approach: "أنشأنا منصة للتعارف بين الكفاءات والمؤسسات.",
    country: "MA",
    themes: ["YOUTH_AND_EDUCATION"],
    languages: ["ar"],
    visibility: "PUBLIC",
  });
  english = await writePractice(writer.http, {
    title: "Skills mapping of the engineering diaspora",
    problem: "Nobody knew where the engineers abroad worked.",
    approach: "A yearly survey with professional associations.",
    country: "GB",
    themes: ["DATA_AND_DIGITAL"],
    languages: ["en"],
    visibility: "PUBLIC",
  });
  for (const id of [french, arabic, english]) await publishPractice(writer.http, moderator, id);
});

const resultIds = async (query: string, http: HttpClient = anonymous) => {
  const response = await http.get(`/practices?${new URLSearchParams({ q: query })}`);
  expect(response.status, query).toBe(200);
  const html = await pageHtml(response);
  return [...html.matchAll(/<h3 class="practice-result__title"><a [^>]*href="\/practices\/([^"]+)"/g)].map(([, id]) => id);
};

describe("searching the library", () => {
  it("finds a French practice by a word with or without its accents, by another form of it, and by the start of it", async () => {
    for (const query of ["difficultés", "difficultes", "DIFFICULTES", "amorçage", "amorcage", "financements", "entrepreneuse", "entrepren", "diaspora entrepreneuses", '"accès au financement"']) {
      expect(await resultIds(query), query).toContain(french);
    }
    expect(await resultIds("financements")).not.toContain(arabic);
  });

  it("finds an Arabic practice whatever the spelling of hamza, alef, taa marbuta, and with or without harakat", async () => {
    for (const query of ["إدماج", "ادماج", "الكفاءات", "الْكَفَاءَاتُ", "المغربيه", "المغربية", "كفاء", "منصه"]) {
      expect(await resultIds(query), query).toContain(arabic);
    }
  });

  it("finds an English practice by a word, another form of it, and by the country's or theme's name in any language", async () => {
    for (const query of ["mapping", "mapped", "engineers", "engineer", "Royaume-Uni", "المملكة المتحدة", "Données et numérique", "data"]) {
      expect(await resultIds(query), query).toContain(english);
    }
    // The country of a practice is searchable in the three languages: تونس finds the demo's Tunisian practice.
    expect(visibleText(await pageHtml(await anonymous.get(`/practices?q=${encodeURIComponent("تونس")}`)))).toContain("شبكة الكفاءات التونسية بالخارج");
  });

  it("ranks the best match first and marks the words found in a snippet", async () => {
    const html = await pageHtml(await anonymous.get(`/practices?q=${encodeURIComponent("entrepreneuses financement")}`));
    expect((await resultIds("entrepreneuses financement"))[0]).toBe(french);
    expect(html).toMatch(/<mark>entrepreneuses<\/mark>/);
  });

  it("answers every query, however hostile, with a page", async () => {
    const hostile = [
      "'; DROP TABLE \"Practice\"; --",
      "%_%",
      "\\",
      "&|!():*<>",
      "!!! ((( ))) ::: ***",
      '"unterminated',
      "-",
      "or or and not",
      "😀🚀 ﷽",
      "\u200F\u202Eكفاءات\u202C",
      "a\u0000b",
      "\u0001\u0002\u0003",
      "x".repeat(10_000),
      "كلمة ".repeat(300),
      "\ud800",
      "  ",
    ];
    for (const query of hostile) {
      const response = await anonymous.get(`/practices?${new URLSearchParams({ q: query })}`);
      expect(response.status, JSON.stringify(query.slice(0, 30))).toBe(200);
      expect((await anonymous.get(`/practices.csv?${new URLSearchParams({ q: query })}`)).status).toBe(200);
    }
    expect(await resultIds("%")).not.toContain(french);
    expect(await resultIds("_")).not.toContain(french);
  });
});

describe("filters and pages", () => {
  it("filters by theme, country, institution and language", async () => {
    const filtered = async (params: Record<string, string>) => {
      const html = await pageHtml(await anonymous.get(`/practices?${new URLSearchParams(params)}`));
      return [...html.matchAll(/<h3 class="practice-result__title"><a [^>]*href="\/practices\/([^"]+)"/g)].map(([, id]) => id);
    };
    expect(await filtered({ theme: "WOMEN_AND_ENTREPRENEURSHIP" })).toEqual([french]);
    expect(await filtered({ country: "GB" })).toEqual([english]);
    expect(await filtered({ language: "ar", country: "MA" })).toContain(arabic);
    expect(await filtered({ language: "ar", country: "MA" })).not.toContain(french);
    const { organisationId } = await getDb().practice.findUniqueOrThrow({ where: { id: french }, select: { organisationId: true } });
    expect((await filtered({ institution: organisationId })).sort()).toEqual([french, arabic, english].sort());
    expect(await filtered({ theme: "NOT_A_THEME", country: "ZZ", language: "xx", page: "abc" })).toContain(english);
  });

  it("shows twenty results a page", async () => {
    for (let index = 0; index < 22; index += 1) {
      const id = await writePractice(writer.http, { title: `Pagination tamazight ${index}`, visibility: "INSTITUTION" });
      await publishPractice(writer.http, moderator, id);
    }
    const first = await pageHtml(await writer.http.get("/practices?q=tamazight"));
    expect(visibleText(first)).toContain("Pratiques trouvées : 22");
    expect(visibleText(first)).toContain("Page 1 sur 2");
    expect(await resultIds("tamazight", writer.http)).toHaveLength(20);
    const second = await pageHtml(await writer.http.get("/practices?q=tamazight&page=2"));
    expect([...second.matchAll(/class="practice-result__title"/g)]).toHaveLength(2);
    expect(second).toMatch(/href="\/practices\?q=tamazight"[^>]*rel="prev"|rel="prev"[^>]*href="\/practices\?q=tamazight"/);
    // Beyond the institution nobody sees them.
    expect(await resultIds("tamazight")).toEqual([]);
    const csv = parseCsv(await (await writer.http.get("/practices.csv?q=tamazight")).text());
    expect(csv).toHaveLength(23);
  });

  it("exports Arabic titles intact", async () => {
    const csv = await (await anonymous.get(`/practices.csv?${new URLSearchParams({ q: "إدماج" })}`)).text();
    expect(parseCsv(csv).map((row) => row[0])).toContain("برنامج إدماج الكفاءات المغربية الشابة");
    const arabicHeader = await (await anonymous.get("/practices.csv?lng=ar")).text();
    expect(parseCsv(arabicHeader)[0][0]).toBe("العنوان");
  });
});
