import { fromZonedTime } from "date-fns-tz";
import * as Y from "yjs";
import { addElement, documentFromState } from "~/boards/document";
import type { RecommendationTheme } from "~/generated/prisma/enums";
import { getWorkshopAccess, type WorkshopAccess } from "~/models/access.server";
import { appendBoardUpdates, readBoardState } from "~/models/board-storage.server";
import { createBoard } from "~/models/boards.server";
import { addToAgenda, createMeeting } from "~/models/committee.server";
import { recordDecision } from "~/models/decisions.server";
import { createFollowUpAction, updateFollowUpAction } from "~/models/follow-up.server";
import { changeRecommendationStatus } from "~/models/recommendation-status.server";
import { setSupport } from "~/models/recommendation-support.server";
import { createRecommendation } from "~/models/recommendations.server";
import { getDb } from "./client.server";

/**
 * What came out of the demo workshop, so that the recommendation, committee, follow-up and dashboard pages show
 * something: notes on a board per session, recommendations from them at every stage, a committee meeting held with
 * its decisions, follow-up actions (one overdue) and a few people seen in the session rooms. Written through the
 * same model functions as the pages, so the demo follows the workflow's rules and records its history.
 * Idempotent: nothing is added once the workshop has recommendations or a committee meeting.
 */

const TIMEZONE = "Africa/Casablanca";

interface DemoRecommendation {
  key: string;
  session: 0 | 1 | null;
  title: string;
  problem: string;
  proposedAction: string;
  rationale: string;
  theme: RecommendationTheme;
  ownerInstitution: string;
  language: "fr" | "ar";
  /** The note of the session's board it is made from, if any. */
  note?: string;
  /** How far along the workflow it goes before the committee meeting. */
  reach: "DRAFT" | "SUBMITTED" | "CONSOLIDATED";
}

const NOTES: Record<0 | 1, string[]> = {
  0: ["Un guichet unique pour accompagner les porteurs de projets MRE", "Cartographier les réseaux de compétences par pays", "Mentorat par des experts MRE"],
  1: ["Une plateforme unique des compétences, bilingue", "Données de l'état civil et des consulats à relier", "منصة رقمية موحدة للكفاءات"],
};

const RECOMMENDATIONS: DemoRecommendation[] = [
  {
    key: "desk",
    session: 0,
    title: "Créer un guichet unique d'accompagnement des porteurs de projets MRE",
    problem: "Les porteurs de projets MRE s'adressent à plusieurs administrations sans interlocuteur unique.",
    proposedAction: "Ouvrir un guichet unique, physique et en ligne, qui oriente et suit chaque porteur de projet.",
    rationale: "Demande exprimée par la majorité des participants de la session 1.",
    theme: "PROJECT_HOLDER_SUPPORT",
    ownerInstitution: "DMRE",
    language: "fr",
    note: NOTES[0][0],
    reach: "CONSOLIDATED",
  },
  {
    key: "networks",
    session: 0,
    title: "Cartographier les réseaux de compétences MRE par pays et par secteur",
    problem: "Les réseaux de compétences existent mais ne sont pas connus des institutions.",
    proposedAction: "Dresser et publier une cartographie des réseaux géographiques et thématiques, mise à jour chaque année.",
    rationale: "",
    theme: "SKILLS_MOBILISATION",
    ownerInstitution: "CCME",
    language: "fr",
    note: NOTES[0][1],
    reach: "CONSOLIDATED",
  },
  {
    key: "platform",
    session: 1,
    title: "Plateforme numérique unique des compétences MRE",
    problem: "Les données sur les compétences sont dispersées entre plusieurs institutions.",
    proposedAction: "Concevoir une plateforme unique, bilingue, avec des règles de partage des données entre institutions.",
    rationale: "Condition pour suivre la mobilisation des compétences dans la durée.",
    theme: "DATA_PLATFORM",
    ownerInstitution: "DMRE",
    language: "fr",
    note: NOTES[1][0],
    reach: "CONSOLIDATED",
  },
  {
    key: "observatory",
    session: 1,
    title: "إحداث مرصد لتتبع مسارات الكفاءات المغربية بالخارج",
    problem: "لا تتوفر معطيات محيَّنة حول مسارات الكفاءات المغربية المقيمة بالخارج.",
    proposedAction: "إحداث مرصد يجمع المعطيات وينشر تقريرا سنويا.",
    rationale: "",
    theme: "DATA_PLATFORM",
    ownerInstitution: "CCME",
    language: "ar",
    note: NOTES[1][2],
    reach: "SUBMITTED",
  },
  {
    key: "governance",
    session: null,
    title: "Associer le CCME à la gouvernance du dispositif",
    problem: "La gouvernance du dispositif ne prévoit pas la voix consultative des Marocains du monde.",
    proposedAction: "Faire siéger le CCME au comité de pilotage avec voix consultative.",
    rationale: "",
    theme: "GOVERNANCE",
    ownerInstitution: "DMRE",
    language: "fr",
    reach: "CONSOLIDATED",
  },
  {
    key: "memory",
    session: 0,
    title: "Valoriser la mémoire des migrations marocaines",
    problem: "Les jeunes générations connaissent mal l'histoire des migrations marocaines.",
    proposedAction: "Constituer un fonds d'archives orales avec les associations de MRE.",
    rationale: "",
    theme: "HERITAGE_MEMORY",
    ownerInstitution: "",
    language: "fr",
    reach: "DRAFT",
  },
];

/** Who took part in which room, as the live room would have recorded it (only people no test follows). */
const ATTENDANCE: Array<{ email: string; session: 0 | 1; mode: "IN_PERSON" | "REMOTE" }> = [
  { email: "hicham.ouazzani@majlis.test", session: 0, mode: "IN_PERSON" },
  { email: "salma.bennani@majlis.test", session: 0, mode: "REMOTE" },
  { email: "rachid.elmansouri@majlis.test", session: 1, mode: "IN_PERSON" },
  { email: "imane.kettani@majlis.test", session: 1, mode: "REMOTE" },
];

export async function seedDemoFollowThrough({ workshopId }: { workshopId: string }) {
  const db = getDb();
  const [recommendations, meetings] = await Promise.all([
    db.recommendation.count({ where: { workshopId } }),
    db.committeeMeeting.count({ where: { workshopId } }),
  ]);
  if (recommendations > 0 || meetings > 0) return;

  const users = Object.fromEntries(
    (await db.user.findMany({ where: { memberships: { some: { workshopId } } }, select: { id: true, email: true } })).map((user) => [user.email, user.id]),
  );
  const accessOf = async (email: string): Promise<WorkshopAccess> => {
    const access = await getWorkshopAccess({ workshopId, userId: users[email] });
    if (!access) throw new Error("the demo workshop is missing");
    return access;
  };
  const organiser = { id: users["organisatrice@majlis.test"], access: await accessOf("organisatrice@majlis.test") };
  const rapporteur = { id: users["rapporteur@majlis.test"], access: await accessOf("rapporteur@majlis.test") };
  const committee = { id: users["comite@majlis.test"], access: await accessOf("comite@majlis.test") };
  const sessions = await db.session.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true } });

  const notes = new Map<string, { boardId: string; elementId: string }>();
  for (const index of [0, 1] as const) {
    const board = await createBoard({
      workshopId,
      sessionId: sessions[index].id,
      actorId: organiser.id,
      title: index === 0 ? "Attentes des porteurs de projets" : "Inventaire des données",
      template: "BLANK",
      language: "fr",
    });
    if (!board.ok) throw new Error("the demo board could not be created");
    const doc = documentFromState(await readBoardState({ boardId: board.boardId }));
    const before = Y.encodeStateVector(doc);
    const section = addElement(doc, { type: "section", text: index === 0 ? "Idées" : "Données", x: 0, y: 0, w: 760, h: 320, colour: "blue", z: 1 });
    NOTES[index].forEach((text, position) => {
      const elementId = addElement(doc, { type: "sticky", text, x: 30 + position * 240, y: 70, w: 210, h: 200, colour: position === 2 ? "pink" : "yellow", parentId: section, authorId: rapporteur.id, z: 2 + position });
      notes.set(text, { boardId: board.boardId, elementId });
    });
    await appendBoardUpdates({ boardId: board.boardId, updates: [{ update: Y.encodeStateAsUpdate(doc, before), byUserId: rapporteur.id }] });
    doc.destroy();
  }

  const ids: Record<string, string> = {};
  for (const demo of RECOMMENDATIONS) {
    const note = demo.note ? notes.get(demo.note) : undefined;
    const created = await createRecommendation({
      workshopId,
      access: rapporteur.access,
      actorId: rapporteur.id,
      fields: {
        title: demo.title,
        problem: demo.problem,
        rationale: demo.rationale,
        proposedAction: demo.proposedAction,
        theme: demo.theme,
        ownerInstitution: demo.ownerInstitution,
        priority: "HIGH",
        costBand: "MEDIUM",
        timeframe: "MEDIUM",
        language: demo.language,
        sessionId: demo.session === null ? null : sessions[demo.session].id,
      },
      source: note ? { ...note, versionName: "Fin de la session" } : null,
    });
    if (!created.ok) throw new Error(`the demo recommendation could not be created: ${created.reason}`);
    ids[demo.key] = created.id;
    const steps = demo.reach === "DRAFT" ? [] : demo.reach === "SUBMITTED" ? (["SUBMITTED"] as const) : (["SUBMITTED", "CONSOLIDATED"] as const);
    let from: "DRAFT" | "SUBMITTED" = "DRAFT";
    for (const to of steps) {
      await changeRecommendationStatus({ workshopId, recommendationId: created.id, access: rapporteur.access, actorId: rapporteur.id, from, to });
      from = "SUBMITTED";
    }
  }

  // Participants' priorities, before the committee takes the recommendations up.
  for (const [email, keys] of [
    ["participante@majlis.test", ["desk", "platform", "governance"]],
    ["hicham.ouazzani@majlis.test", ["desk", "networks"]],
    ["salma.bennani@majlis.test", ["desk", "platform"]],
  ] as const) {
    const access = await accessOf(email);
    for (const key of keys) await setSupport({ workshopId, recommendationId: ids[key], access, userId: users[email], supported: true });
  }

  const meeting = await createMeeting({
    workshopId,
    actorId: organiser.id,
    fields: {
      title: "Comité de pilotage — première réunion",
      scheduledAt: fromZonedTime("2023-12-15T10:00:00", TIMEZONE),
      location: "Rabat, siège du Département",
      languages: ["fr", "ar"],
      status: "HELD",
    },
  });
  if (!meeting.ok) throw new Error("the demo meeting could not be created");
  const meetingId = meeting.meetingId;
  for (const key of ["desk", "networks", "platform"]) {
    await addToAgenda({ workshopId, meetingId, recommendationId: ids[key], access: organiser.access, actorId: organiser.id });
  }
  const decide = (key: string, outcome: "ACCEPTED" | "ACCEPTED_WITH_CHANGES" | "DEFERRED", rationale: string, changes = "") =>
    recordDecision({ workshopId, meetingId, access: committee.access, actorId: committee.id, decision: { recommendationId: ids[key], outcome, rationale, changes } });
  await decide("desk", "ACCEPTED", "Priorité du dispositif : le guichet est la première attente des porteurs de projets.");
  await decide("networks", "ACCEPTED_WITH_CHANGES", "Utile, à condition de s'appuyer sur les réseaux existants.", "Confier la cartographie au CCME avec les associations, sans créer de nouveau réseau.");
  await decide("platform", "DEFERRED", "À réexaminer quand l'inventaire des données de la session 2 sera terminé.");

  const action = (key: string, title: string, ownerInstitution: string, dueDate: string, status: "NOT_STARTED" | "IN_PROGRESS", progress: number) =>
    createFollowUpAction({
      workshopId,
      recommendationId: ids[key],
      access: organiser.access,
      actorId: organiser.id,
      fields: { title, ownerInstitution, ownerName: "", dueDate: new Date(`${dueDate}T00:00:00Z`), status, progress, notes: "", note: "" },
    });
  // Due in the past and not done: the overdue one.
  const charter = await action("desk", "Rédiger le cahier des charges du guichet unique", "DMRE", "2024-03-31", "IN_PROGRESS", 30);
  await action("desk", "Ouvrir un guichet pilote à Casablanca", "DMRE", "2030-06-30", "NOT_STARTED", 0);
  await action("networks", "Lancer l'inventaire des réseaux de compétences", "CCME", "2030-01-31", "NOT_STARTED", 0);
  if (charter.ok) {
    await updateFollowUpAction({
      workshopId,
      actionId: charter.actionId,
      access: organiser.access,
      actorId: organiser.id,
      fields: {
        title: "Rédiger le cahier des charges du guichet unique",
        ownerInstitution: "DMRE",
        ownerName: "",
        dueDate: new Date("2024-03-31T00:00:00Z"),
        status: "IN_PROGRESS",
        progress: 60,
        notes: "Première version relue par le CCME.",
        note: "Première version relue.",
      },
    });
  }

  await db.attendanceEvent.createMany({
    data: ATTENDANCE.map((presence) => ({
      workshopId,
      room: sessions[presence.session].id,
      userId: users[presence.email],
      mode: presence.mode,
      kind: "JOIN" as const,
      source: "LIVE" as const,
    })),
  });
}
