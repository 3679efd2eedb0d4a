import { getDb } from "~/db/client.server";
import type { Viewer } from "~/peers/visibility";
import { mayReadPractice, readablePracticesWhere, type PracticeViewer } from "~/practices/access";
import { readLibraryFilters } from "~/practices/filters";
import { mayEdit, mayRead, mayReadCitedRecommendation, sharedRecommendationsWhere } from "~/recommendations/permissions";
import { actorRoles } from "~/recommendations/workflow";
import { getWorkshopAccess, type WorkshopAccess } from "./access.server";
import { searchPractices } from "./practice-search.server";

/**
 * Practices that inspired a recommendation, both ways: the recommendation page lists the practices it cites (those
 * the reader may read) and its editors add and remove them; a practice's page lists the recommendations citing it
 * that its reader may read (app/recommendations/permissions.ts, mayReadCitedRecommendation).
 */

export type CitationRefusal = "notFound" | "forbidden" | "practiceNotFound";
type Outcome = { ok: true } | { ok: false; reason: CitationRefusal };

const PRACTICE_SEARCH_LIMIT = 10;

const PRACTICE_SUMMARY = { id: true, title: true, country: true, organisation: { select: { id: true, name: true } } } as const;

/** The practices a recommendation cites that this viewer may read. */
export async function listCitedPractices({ recommendationId, viewer }: { recommendationId: string; viewer: Viewer }) {
  const rows = await getDb().recommendationPractice.findMany({
    where: { recommendationId, practice: readablePracticesWhere(viewer) },
    orderBy: [{ createdAt: "asc" }, { practiceId: "asc" }],
    select: { practice: { select: PRACTICE_SUMMARY } },
  });
  return rows.map((row) => row.practice);
}

/** Published practices this viewer may read and could cite here, found by the library's search: the ten best. */
export async function searchCitablePractices({ recommendationId, viewer, query }: { recommendationId: string; viewer: PracticeViewer; query: string }) {
  if (query === "") return [];
  const [found, cited] = await Promise.all([
    searchPractices({ viewer, filters: readLibraryFilters(new URLSearchParams({ q: query })) }),
    getDb().recommendationPractice.findMany({ where: { recommendationId }, select: { practiceId: true } }),
  ]);
  const already = new Set(cited.map((row) => row.practiceId));
  return found.results
    .filter((practice) => !already.has(practice.id))
    .slice(0, PRACTICE_SEARCH_LIMIT)
    .map(({ id, title, country, organisation }) => ({ id, title, country, organisation }));
}

interface CitationInput {
  workshopId: string;
  recommendationId: string;
  practiceId: string;
  access: WorkshopAccess;
  actorId: string;
  /** The actor, as far as reading practices goes. */
  viewer: Viewer;
}

/** Citing is editing: the same people, at the same stages, as the recommendation's text. */
async function editableRecommendation({ workshopId, recommendationId, access, actorId }: CitationInput): Promise<Outcome> {
  const recommendation = await getDb().recommendation.findFirst({
    where: { id: recommendationId, workshopId },
    select: { status: true, authorId: true, sessionId: true, visibility: true },
  });
  if (!recommendation || !mayRead(access, actorId, recommendation)) return { ok: false, reason: "notFound" };
  if (!mayEdit(actorRoles({ access, userId: actorId, recommendation }), recommendation.status)) return { ok: false, reason: "forbidden" };
  return { ok: true };
}

/** A published practice the actor may read; citing it again changes nothing. */
export async function citePractice(input: CitationInput): Promise<Outcome> {
  const { recommendationId, practiceId, actorId, viewer } = input;
  const editable = await editableRecommendation(input);
  if (!editable.ok) return editable;
  const db = getDb();
  const practice = await db.practice.findUnique({ where: { id: practiceId }, select: { organisationId: true, authorId: true, status: true, visibility: true } });
  if (!practice || practice.status !== "PUBLISHED" || !mayReadPractice(viewer, practice)) return { ok: false, reason: "practiceNotFound" };
  await db.$transaction(async (tx) => {
    const created = await tx.recommendationPractice.createMany({ data: [{ recommendationId, practiceId, createdById: actorId }], skipDuplicates: true });
    // The history names no practice: its readers are not all readers of every practice it cites.
    if (created.count > 0) await tx.recommendationEvent.create({ data: { recommendationId, actorId, kind: "practiceCited" } });
  });
  return { ok: true };
}

export async function uncitePractice(input: CitationInput): Promise<Outcome> {
  const { recommendationId, practiceId, actorId, viewer } = input;
  const editable = await editableRecommendation(input);
  if (!editable.ok) return editable;
  const db = getDb();
  const practice = await db.practice.findUnique({ where: { id: practiceId }, select: { organisationId: true, authorId: true, status: true, visibility: true } });
  if (!practice || !mayReadPractice(viewer, practice)) return { ok: false, reason: "practiceNotFound" };
  await db.$transaction(async (tx) => {
    const removed = await tx.recommendationPractice.deleteMany({ where: { recommendationId, practiceId } });
    if (removed.count > 0) await tx.recommendationEvent.create({ data: { recommendationId, actorId, kind: "practiceUncited" } });
  });
  return { ok: true };
}

/**
 * The recommendations citing a practice that this viewer may read, with their workshop. The query keeps those
 * shared beyond their workshop and those of workshops the viewer takes part in; the latter are then checked with
 * the viewer's role in each workshop.
 */
export async function listCitingRecommendations({ practiceId, viewer }: { practiceId: string; viewer: Viewer }) {
  const db = getDb();
  const practice = await db.practice.findUnique({ where: { id: practiceId }, select: { organisationId: true, authorId: true, status: true, visibility: true } });
  if (!practice || !mayReadPractice(viewer, practice)) return [];
  const takesPart: Array<Record<string, unknown>> = [];
  if (viewer.userId) {
    takesPart.push({ memberships: { some: { userId: viewer.userId } } }, { sessions: { some: { facilitators: { some: { userId: viewer.userId } } } } });
  }
  if (viewer.organisationId) takesPart.push({ institutions: { some: { organisationId: viewer.organisationId } } });
  const rows = await db.recommendationPractice.findMany({
    where: { practiceId, recommendation: { OR: [sharedRecommendationsWhere(viewer), ...(takesPart.length ? [{ workshop: { OR: takesPart } }] : [])] } },
    orderBy: [{ createdAt: "desc" }, { recommendationId: "asc" }],
    select: {
      recommendation: {
        select: {
          id: true,
          title: true,
          language: true,
          status: true,
          visibility: true,
          authorId: true,
          sessionId: true,
          workshop: { select: { id: true, title: true, organisationId: true } },
        },
      },
    },
  });
  const accesses = new Map<string, WorkshopAccess | null>();
  for (const workshopId of new Set(rows.map((row) => row.recommendation.workshop.id))) {
    accesses.set(workshopId, await getWorkshopAccess({ workshopId, userId: viewer.userId }));
  }
  return rows
    .map((row) => row.recommendation)
    .filter((recommendation) => {
      const access = accesses.get(recommendation.workshop.id);
      return access && mayReadCitedRecommendation(viewer, access, { ...recommendation, workshopOrganisationId: recommendation.workshop.organisationId });
    })
    .map(({ id, title, language, status, workshop }) => ({ id, title, language, status, workshop: { id: workshop.id, title: workshop.title } }));
}

export type CitedPractice = Awaited<ReturnType<typeof listCitedPractices>>[number];
export type CitingRecommendation = Awaited<ReturnType<typeof listCitingRecommendations>>[number];
