import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Viewer } from "~/peers/visibility";
import type { RecommendationFields, RecommendationFilters } from "~/recommendations/forms";
import {
  EDITABLE_STATUSES,
  mayComment,
  mayEdit,
  mayRead,
  mayReadCitedRecommendation,
  mayRecommend,
  maySetVisibility,
  seesEveryDraft,
  visibilitiesFor,
} from "~/recommendations/permissions";
import { actorRoles, isFinal } from "~/recommendations/workflow";
import type { WorkshopAccess } from "./access.server";
import { citeElement, storeCitation, type CitationRefusal } from "./recommendation-sources.server";
import { RECOMMENDATION_CONTENT, SOURCE_FIELDS } from "./recommendation-fields.server";

/**
 * Recommendations of a workshop: writing, editing (each edit recorded field by field), reading with their evidence,
 * comments and history. Status changes: recommendation-status.server.ts; support: recommendation-support.server.ts;
 * merging: recommendation-merge.server.ts. Who may do what: app/recommendations/permissions.ts and workflow.ts.
 */

export type RecommendationRefusal = "notFound" | "forbidden" | "conflict" | "sessionNotFound" | CitationRefusal;
type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: RecommendationRefusal };

/** The recommendations this person may read, as a query filter (drafts and peer visibility). */
export function readableWhere(access: WorkshopAccess, userId: string): Prisma.RecommendationWhereInput {
  const visibilities = visibilitiesFor(access);
  return {
    AND: [
      visibilities === "all" ? {} : { visibility: { in: visibilities } },
      seesEveryDraft(access)
        ? {}
        : { OR: [{ status: { not: "DRAFT" } }, { authorId: userId }, { sessionId: { in: access.facilitatedSessionIds } }] },
    ],
  };
}

/** Sessions of the workshop with whether participants may write recommendations there. */
export async function listRecommendationSessions({ workshopId }: { workshopId: string }) {
  return getDb().session.findMany({
    where: { workshopId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, participantsMayRecommend: true },
  });
}

/** Whether this person may write recommendations for this session of the workshop (the board page's button). */
export async function mayRecommendInSession({ workshopId, sessionId, access }: { workshopId: string; sessionId: string; access: WorkshopAccess }) {
  const lookup = await findSession(workshopId, sessionId);
  return lookup.found && mayRecommend(access, lookup.session);
}

async function findSession(workshopId: string, sessionId: string | null) {
  if (sessionId === null) return { found: true, session: null } as const;
  const session = await getDb().session.findFirst({ where: { id: sessionId, workshopId }, select: { id: true, title: true, participantsMayRecommend: true } });
  return session ? ({ found: true, session } as const) : ({ found: false } as const);
}

/**
 * A new draft, optionally made from a board element: then the element is cited in a frozen version in the same go
 * (`versionName` names a version frozen for it).
 */
export async function createRecommendation(input: {
  workshopId: string;
  access: WorkshopAccess;
  actorId: string;
  fields: RecommendationFields;
  source?: { boardId: string; elementId: string; versionName: string } | null;
}): Promise<Outcome<{ id: string }>> {
  const { workshopId, access, actorId, fields, source } = input;
  const lookup = await findSession(workshopId, fields.sessionId);
  if (!lookup.found) return { ok: false, reason: "sessionNotFound" };
  if (!mayRecommend(access, lookup.session)) return { ok: false, reason: "forbidden" };
  const cited = source ? await citeElement({ workshopId, actorId, ...source }) : null;
  if (cited && !cited.ok) return cited;
  const { visibility, ...rest } = fields;
  return getDb().$transaction(async (tx) => {
    const recommendation = await tx.recommendation.create({
      data: { ...rest, workshopId, authorId: actorId, ...(visibility && maySetVisibility(access) ? { visibility } : {}) },
      select: { id: true },
    });
    await tx.recommendationEvent.create({ data: { recommendationId: recommendation.id, actorId, kind: "created", toStatus: "DRAFT" } });
    if (cited) await storeCitation(tx, { recommendationId: recommendation.id, actorId, citation: cited.citation });
    return { ok: true, id: recommendation.id } as const;
  });
}

const EDITED_FIELDS = ["title", "problem", "rationale", "proposedAction", "theme", "ownerInstitution", "priority", "costBand", "timeframe", "language", "visibility"] as const;

/**
 * Saves an edit if nobody saved another one since the person opened the form (`seenAt`: the updatedAt they saw),
 * and records each changed field as [before, after].
 */
export async function updateRecommendation(input: {
  workshopId: string;
  recommendationId: string;
  access: WorkshopAccess;
  actorId: string;
  fields: RecommendationFields;
  seenAt: string;
}): Promise<Outcome> {
  const { workshopId, recommendationId, access, actorId, fields, seenAt } = input;
  const db = getDb();
  const current = await db.recommendation.findFirst({
    where: { id: recommendationId, workshopId },
    select: {
      title: true,
      problem: true,
      rationale: true,
      proposedAction: true,
      theme: true,
      ownerInstitution: true,
      priority: true,
      costBand: true,
      timeframe: true,
      language: true,
      visibility: true,
      status: true,
      authorId: true,
      sessionId: true,
      session: { select: { title: true } },
    },
  });
  if (!current || !mayRead(access, actorId, current)) return { ok: false, reason: "notFound" };
  if (!mayEdit(actorRoles({ access, userId: actorId, recommendation: current }), current.status)) return { ok: false, reason: "forbidden" };
  const lookup = await findSession(workshopId, fields.sessionId);
  if (!lookup.found) return { ok: false, reason: "sessionNotFound" };
  if (fields.sessionId !== current.sessionId && !mayRecommend(access, lookup.session)) return { ok: false, reason: "forbidden" };

  const next: Record<string, unknown> = { ...fields, visibility: fields.visibility && maySetVisibility(access) ? fields.visibility : current.visibility };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of EDITED_FIELDS) {
    const before: unknown = current[field];
    if (before !== next[field]) changes[field] = [before, next[field]];
  }
  if (fields.sessionId !== current.sessionId) changes.session = [current.session?.title ?? null, lookup.session?.title ?? null];
  if (Object.keys(changes).length === 0) return { ok: true };

  return db.$transaction(async (tx) => {
    const saved = await tx.recommendation.updateMany({
      where: { id: recommendationId, workshopId, updatedAt: new Date(seenAt), status: current.status },
      data: { ...Object.fromEntries(EDITED_FIELDS.map((field) => [field, next[field]])), sessionId: fields.sessionId },
    });
    if (saved.count === 0) return { ok: false, reason: "conflict" } as const;
    await tx.recommendationEvent.create({ data: { recommendationId, actorId, kind: "edited", changes: changes as Prisma.InputJsonValue } });
    return { ok: true } as const;
  });
}

/** The list page: readable recommendations with their support tally; merged ones only when asked for. */
export async function listRecommendations(input: { workshopId: string; access: WorkshopAccess; userId: string; filters: RecommendationFilters }) {
  const { workshopId, access, userId, filters } = input;
  const rows = await getDb().recommendation.findMany({
    where: {
      AND: [
        { workshopId },
        readableWhere(access, userId),
        filters.status ? { status: filters.status } : { status: { not: "MERGED" } },
        filters.theme ? { theme: filters.theme } : {},
        filters.sessionId === "plenary" ? { sessionId: null } : filters.sessionId ? { sessionId: filters.sessionId } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      theme: true,
      priority: true,
      language: true,
      sessionId: true,
      updatedAt: true,
      author: { select: { name: true } },
      supports: { select: { supported: true, agreement: true } },
      _count: { select: { sources: true, comments: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, sources: _count.sources, comments: _count.comments }));
}

/**
 * One recommendation with everything its page shows, or null when it does not exist or is not for this reader:
 * members read it as their role allows; people outside the workshop when it is shared with them
 * (mayReadCitedRecommendation).
 */
export async function getRecommendation(input: { workshopId: string; recommendationId: string; access: WorkshopAccess; viewer: Viewer }) {
  const { workshopId, recommendationId, access, viewer } = input;
  const recommendation = await getDb().recommendation.findFirst({
    where: { id: recommendationId, workshopId },
    select: {
      ...RECOMMENDATION_CONTENT,
      workshopId: true,
      sessionId: true,
      visibility: true,
      authorId: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { name: true } },
      session: { select: { title: true } },
      mergedInto: { select: { id: true, title: true } },
      mergedFrom: { select: { id: true, title: true }, orderBy: { createdAt: "asc" } },
      sources: {
        orderBy: { createdAt: "asc" },
        select: { ...SOURCE_FIELDS, createdAt: true, createdBy: { select: { name: true } } },
      },
      comments: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, fromStatus: true, toStatus: true, changes: true, reason: true, createdAt: true, actor: { select: { name: true } } },
      },
      supports: { select: { userId: true, supported: true, agreement: true } },
      decisions: { orderBy: { decidedAt: "desc" }, take: 1, select: { outcome: true, rationale: true, changes: true, decidedAt: true } },
      workshop: { select: { organisationId: true } },
    },
  });
  if (!recommendation) return null;
  const { workshop, ...rest } = recommendation;
  return mayReadCitedRecommendation(viewer, access, { ...rest, workshopOrganisationId: workshop.organisationId }) ? rest : null;
}

/** Other recommendations of the workshop this one could be merged into: readable, not decided or merged. */
export async function listMergeTargets(input: { workshopId: string; recommendationId: string; access: WorkshopAccess; userId: string }) {
  const { workshopId, recommendationId, access, userId } = input;
  const rows = await getDb().recommendation.findMany({
    where: { AND: [{ workshopId, id: { not: recommendationId } }, readableWhere(access, userId)] },
    orderBy: { title: "asc" },
    select: { id: true, title: true, status: true, session: { select: { title: true } } },
  });
  return rows.filter((row) => !isFinal(row.status));
}

/** Recommendations this person may still edit, hence add evidence to. */
export async function listEditableRecommendations({ workshopId, access, userId }: { workshopId: string; access: WorkshopAccess; userId: string }) {
  const rows = await getDb().recommendation.findMany({
    where: { AND: [{ workshopId, status: { in: [...EDITABLE_STATUSES] } }, readableWhere(access, userId)] },
    orderBy: { title: "asc" },
    select: { id: true, title: true, status: true, authorId: true, sessionId: true },
  });
  return rows
    .filter((row) => mayEdit(actorRoles({ access, userId, recommendation: row }), row.status))
    .map(({ id, title }) => ({ id, title }));
}

export async function addComment(input: { workshopId: string; recommendationId: string; access: WorkshopAccess; actorId: string; body: string }): Promise<Outcome> {
  const { workshopId, recommendationId, access, actorId, body } = input;
  return getDb().$transaction(async (tx) => {
    const recommendation = await tx.recommendation.findFirst({
      where: { id: recommendationId, workshopId },
      select: { status: true, authorId: true, sessionId: true, visibility: true },
    });
    if (!recommendation || !mayRead(access, actorId, recommendation)) return { ok: false, reason: "notFound" } as const;
    if (!mayComment(access, recommendation.status)) return { ok: false, reason: "forbidden" } as const;
    await tx.recommendationComment.create({ data: { recommendationId, authorId: actorId, body } });
    await tx.recommendationEvent.create({ data: { recommendationId, actorId, kind: "commented" } });
    return { ok: true } as const;
  });
}

/** Cites one more board element as evidence for an existing recommendation (an edit: same rights). */
export async function addSource(input: {
  workshopId: string;
  recommendationId: string;
  boardId: string;
  elementId: string;
  access: WorkshopAccess;
  actorId: string;
  /** The name of a version frozen for this citation, from the recommendation's title. */
  versionName: (title: string) => string;
}): Promise<Outcome | { ok: false; reason: "alreadyCited" }> {
  const { workshopId, recommendationId, access, actorId, boardId, elementId, versionName } = input;
  const recommendation = await getDb().recommendation.findFirst({
    where: { id: recommendationId, workshopId },
    select: { title: true, status: true, authorId: true, sessionId: true, visibility: true },
  });
  if (!recommendation || !mayRead(access, actorId, recommendation)) return { ok: false, reason: "notFound" };
  if (!mayEdit(actorRoles({ access, userId: actorId, recommendation }), recommendation.status)) return { ok: false, reason: "forbidden" };
  const cited = await citeElement({ workshopId, actorId, boardId, elementId, versionName: versionName(recommendation.title) });
  if (!cited.ok) return cited;
  const stored = await getDb().$transaction((tx) => storeCitation(tx, { recommendationId, actorId, citation: cited.citation }));
  return stored ? { ok: true } : { ok: false, reason: "alreadyCited" };
}

