import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { translatorFor } from "~/i18n/i18n";
import { useApp } from "../support/app";
import { COMMITTEE, consolidatedRecommendation, ORGANISER, PARTICIPANT, signedIn } from "../support/committee";
import { seedDemo } from "../support/demo";
import { parseCsv } from "../support/parse-csv";

const app = useApp();
let workshopId: string;
let meetingId: string;
let otherMeetingId: string;

const FRENCH_TITLE = "Simplifier l'accès aux données des consulats";
const ARABIC_TITLE = "إحداث شباك وحيد للكفاءات المغربية";
const FORMULA_TITLE = '=HYPERLINK("http://piege.example","Cliquez")';
const ARABIC_RATIONALE = "المقترح خارج نطاق الجهاز";
const fr = translatorFor("fr");
const ar = translatorFor("ar");

beforeAll(async () => {
  workshopId = await seedDemo();
  const organiser = await signedIn(app.url, ORGANISER);
  const created = await organiser.post(`/workshops/${workshopId}/committee`, {
    intent: "create",
    title: "Réunion du dossier",
    scheduledAt: "2024-03-05T09:30",
    location: "Rabat",
    languages: ["fr", "ar"],
  });
  meetingId = (created.headers.get("Location") ?? "").split("/").at(-1) ?? "";
  const french = await consolidatedRecommendation({ workshopId, title: FRENCH_TITLE, theme: "DATA_PLATFORM", note: "Relier les registres consulaires" });
  const arabic = await consolidatedRecommendation({ workshopId, title: ARABIC_TITLE, theme: "SKILLS_MOBILISATION", language: "ar", note: "منصة رقمية موحدة للكفاءات" });
  const formula = await consolidatedRecommendation({ workshopId, title: FORMULA_TITLE });
  for (const recommendationId of [french, arabic, formula]) {
    expect((await organiser.post(`/workshops/${workshopId}/committee/${meetingId}`, { intent: "add", recommendationId })).status).toBe(302);
  }
  const member = await signedIn(app.url, COMMITTEE);
  const decide = (recommendationId: string, fields: Record<string, string>) =>
    member.post(`/workshops/${workshopId}/committee/${meetingId}`, { intent: "decide", recommendationId, ...fields });
  expect((await decide(french, { outcome: "ACCEPTED_WITH_CHANGES", rationale: "Utile pour les porteurs de projets.", changes: "Commencer par deux consulats pilotes." })).status).toBe(302);
  expect((await decide(arabic, { outcome: "REJECTED", rationale: ARABIC_RATIONALE })).status).toBe(302);

  // Another workshop, with a meeting of its own.
  const other = await getDb().workshop.create({
    data: { title: "Autre atelier", startsAt: new Date("2024-01-01T09:00:00Z"), endsAt: new Date("2024-01-01T17:00:00Z"), joinCode: "AUTRE24", status: "PUBLISHED" },
  });
  otherMeetingId = (await getDb().committeeMeeting.create({ data: { workshopId: other.id, title: "Réunion d'ailleurs", scheduledAt: new Date("2024-01-02T10:00:00Z") } })).id;
});

const dossier = (format: string, query = "") => `/workshops/${workshopId}/committee/${meetingId}/dossier.${format}${query}`;

async function csvOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toContain("text/csv");
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parseCsv(text.slice(1));
}

describe("the CSV dossier", () => {
  it("has translated headers in the chosen language, the decisions, and formula-safe cells", async () => {
    const member = await signedIn(app.url, COMMITTEE, "fr");
    const [headers, ...rows] = await csvOf(await member.get(dossier("csv")));
    expect(headers).toEqual(expect.arrayContaining([fr("committee:dossier.columns.title"), fr("committee:dossier.columns.outcome"), fr("committee:dossier.columns.decisionRationale")]));
    const column = (name: string) => headers.indexOf(fr(`committee:dossier.columns.${name}`));
    const french = rows.find((row) => row[column("title")] === FRENCH_TITLE);
    expect(french?.[column("outcome")]).toBe(fr("recommendations:outcomes.ACCEPTED_WITH_CHANGES"));
    expect(french?.[column("decisionRationale")]).toBe("Utile pour les porteurs de projets.");
    expect(french?.[column("decisionChanges")]).toBe("Commencer par deux consulats pilotes.");
    expect(french?.[column("evidence")]).toContain("Relier les registres consulaires");
    expect(french?.[column("evidence")]).toMatch(new RegExp(`/workshops/${workshopId}/boards/\\w+/versions/\\w+\\?element=`));
    expect(rows.map((row) => row[column("title")])).toContain(`'${FORMULA_TITLE}`);

    const [arabicHeaders, ...arabicRows] = await csvOf(await member.get(dossier("csv", "?language=ar")));
    expect(arabicHeaders[1]).toBe(ar("committee:dossier.columns.title"));
    const arabic = arabicRows.find((row) => row[1] === ARABIC_TITLE);
    expect(arabic).toBeDefined();
    expect(arabic).toContain(ar("recommendations:outcomes.REJECTED"));
    expect(arabic).toContain(ARABIC_RATIONALE);
  });
});

describe("the XLSX dossier", () => {
  it("has one sheet per dossier language, right to left in Arabic, with the recommendations and decisions", async () => {
    const response = await (await signedIn(app.url, ORGANISER)).get(dossier("xlsx"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename=".+\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([`${fr("committee:dossier.sheet")} (fr)`, `${ar("committee:dossier.sheet")} (ar)`]);
    const [french, arabic] = workbook.worksheets;
    expect(arabic.views[0]?.rightToLeft).toBe(true);
    expect(french.getRow(1).getCell(2).value).toBe(fr("committee:dossier.columns.title"));
    expect(arabic.getRow(1).getCell(2).value).toBe(ar("committee:dossier.columns.title"));
    const rows = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(2).map((row) => (Array.isArray(row) ? row.slice(1) : []));
    const frenchRow = rows(french).find((row) => row[1] === FRENCH_TITLE) ?? [];
    expect(frenchRow).toContain(fr("recommendations:outcomes.ACCEPTED_WITH_CHANGES"));
    expect(frenchRow).toContain("Utile pour les porteurs de projets.");
    const arabicRow = rows(arabic).find((row) => row[1] === ARABIC_TITLE) ?? [];
    expect(arabicRow).toContain(ar("recommendations:outcomes.REJECTED"));
    expect(arabicRow).toContain(ARABIC_RATIONALE);
    // A title that looks like a formula stays text.
    const formulaCell = french.getColumn(2).values.find((value) => typeof value === "string" && value.includes("HYPERLINK"));
    expect(formulaCell).toBe(FORMULA_TITLE);
    french.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe("the PDF dossier", () => {
  it("is written in each dossier language, Arabic in reading order, with a picture of each piece of evidence", async () => {
    const response = await (await signedIn(app.url, COMMITTEE, "ar")).get(dossier("pdf"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const pdf = await pdfjs.getDocument({ data: bytes, useSystemFonts: false }).promise;
    let text = "";
    let images = 0;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      text += content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : "")).join("") + "\n";
      const operators = await page.getOperatorList();
      images += operators.fnArray.filter((operator) => operator === pdfjs.OPS.paintImageXObject).length;
    }
    const flat = text.replace(/\s+/g, " ");
    for (const expected of [
      "Réunion du dossier",
      fr("committee:dossier.title"),
      ar("committee:dossier.title"),
      FRENCH_TITLE,
      ARABIC_TITLE,
      "Utile pour les porteurs de projets.",
      "Commencer par deux consulats pilotes.",
      ARABIC_RATIONALE,
      fr("recommendations:outcomes.ACCEPTED_WITH_CHANGES"),
      ar("recommendations:outcomes.ACCEPTED_WITH_CHANGES"),
      ar("recommendations:outcomes.REJECTED"),
      "منصة رقمية موحدة للكفاءات",
    ]) {
      expect(flat).toContain(expected);
    }
    // Two cited notes, each pictured in the French part and in the Arabic part.
    expect(images).toBe(4);
  });

  it("can be asked for in one language", async () => {
    const response = await (await signedIn(app.url, ORGANISER)).get(dossier("pdf", "?language=en"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("-en.pdf");
  });
});

describe("refused dossiers", () => {
  it("refuses a meeting of another workshop with a clear message", async () => {
    const organiser = await signedIn(app.url, ORGANISER, "fr");
    for (const format of ["csv", "xlsx", "pdf"]) {
      const response = await organiser.get(`/workshops/${workshopId}/committee/${otherMeetingId}/dossier.${format}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(fr("committee:errors.meetingNotFound"));
    }
  });

  it("sends signed-out people to sign in, and refuses participants", async () => {
    const anonymous = await fetch(new URL(dossier("pdf"), app.url), { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await (await signedIn(app.url, PARTICIPANT)).get(dossier("csv"))).status).toBe(403);
  });
});
