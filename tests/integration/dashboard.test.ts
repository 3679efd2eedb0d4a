import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { translatorFor } from "~/i18n/i18n";
import { useApp } from "../support/app";
import { chartRows, COMMITTEE, consolidatedRecommendation, ORGANISER, signedIn, userId } from "../support/committee";
import { seedDemo } from "../support/demo";
import { pageHtml } from "../support/page-html";

const app = useApp();
let workshopId: string;
let sessions: Array<{ id: string; title: string }>;
const t = translatorFor("fr");

beforeAll(async () => {
  workshopId = await seedDemo();
  sessions = await getDb().session.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, title: true } });
  // Someone checked in at the door for session 1, and also seen in its live room: one person, counted once.
  const mehdi = await userId("mehdi.berrada@majlis.test");
  await getDb().registration.update({ where: { workshopId_userId: { workshopId, userId: mehdi } }, data: { checkedInAt: new Date() } });
  await getDb().attendanceEvent.create({ data: { workshopId, room: sessions[0].id, userId: mehdi, mode: "IN_PERSON", kind: "JOIN" } });
  // A recommendation merged into another counts in that one only.
  const merged = await consolidatedRecommendation({ workshopId, title: "Doublon fusionné", theme: "GOVERNANCE" });
  await getDb().recommendation.update({ where: { id: merged }, data: { status: "MERGED" } });
});

describe("the dashboard", () => {
  it("counts the recommendations by theme, session and status as recorded", async () => {
    const html = await pageHtml(await (await signedIn(app.url, COMMITTEE)).get(`/workshops/${workshopId}/dashboard`));
    expect(chartRows(html, "chart-theme")).toEqual({
      [t("recommendations:themes.SKILLS_MOBILISATION")]: ["1"],
      [t("recommendations:themes.PROJECT_HOLDER_SUPPORT")]: ["1"],
      [t("recommendations:themes.DATA_PLATFORM")]: ["2"],
      [t("recommendations:themes.GOVERNANCE")]: ["1"],
      [t("recommendations:themes.HERITAGE_MEMORY")]: ["1"],
    });
    expect(chartRows(html, "chart-session")).toEqual({
      [sessions[0].title]: ["3"],
      [sessions[1].title]: ["2"],
      [t("committee:dashboard.plenary")]: ["1"],
    });
    const statuses = ["DRAFT", "SUBMITTED", "CONSOLIDATED", "ACCEPTED_WITH_CHANGES", "DEFERRED", "IN_IMPLEMENTATION"];
    expect(chartRows(html, "chart-status")).toEqual(Object.fromEntries(statuses.map((status) => [t(`recommendations:statuses.${status}`), ["1"]])));
    expect(html).toContain(`aria-label="${t("recommendations:themes.SKILLS_MOBILISATION")} : 1; `);
  });

  it("counts different people per session, in person and remote, from check-ins and the rooms", async () => {
    const html = await pageHtml(await (await signedIn(app.url, ORGANISER)).get(`/workshops/${workshopId}/dashboard`));
    expect(chartRows(html, "chart-participation")).toEqual({
      [sessions[0].title]: ["2", "1"],
      [sessions[1].title]: ["1", "1"],
    });
  });

  it("ranks the support received and follows decisions and action progress over time", async () => {
    const html = await pageHtml(await (await signedIn(app.url, ORGANISER)).get(`/workshops/${workshopId}/dashboard`));
    const support = chartRows(html, "chart-support");
    expect(Object.entries(support).slice(0, 2)).toEqual([
      ["Créer un guichet unique d'accompagnement des porteurs de projets MRE", ["3"]],
      ["Plateforme numérique unique des compétences MRE", ["2"]],
    ]);
    expect(Object.values(chartRows(html, "chart-decisions"))).toEqual([["3"]]);
    // Three actions: 60 %, 0 % and 0 % after the day's updates.
    expect(Object.values(chartRows(html, "chart-progress"))).toEqual([["20 %"]]);
  });
});
