import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { readablePracticesWhere, type PracticeViewer } from "~/practices/access";
import { PAGE_SIZE, type LibraryFilters } from "~/practices/filters";
import { escapeLike, normaliseQuery, queryWords, snippetOf } from "~/practices/search";

/**
 * The practice library: search, filters, pages and the CSV export, always within what the viewer may read
 * (readablePracticesWhere). The text search (app/practices/search.ts) only proposes ids; which of them are shown is
 * decided by the same Prisma filter as every other list, so a search can never reveal a practice the viewer may not
 * read.
 */

/** More matches than anyone reads; the ranking keeps the best ones. */
const MATCH_LIMIT = 1000;
const EXPORT_LIMIT = 5000;

function libraryWhere(viewer: PracticeViewer, filters: LibraryFilters): Prisma.PracticeWhereInput {
  const mine = filters.scope === "mine" && viewer.organisationId !== null;
  return {
    AND: [
      readablePracticesWhere(viewer) as Prisma.PracticeWhereInput,
      // The library shows what is published; the institution's own drafts and pending ones are under "mine".
      mine ? { organisationId: viewer.organisationId as string } : { status: "PUBLISHED" },
      filters.theme ? { themes: { has: filters.theme } } : {},
      filters.country ? { country: filters.country } : {},
      filters.institution ? { organisationId: filters.institution } : {},
      filters.language ? { languages: { has: filters.language } } : {},
    ],
  };
}

/**
 * Ids of practices matching the query, best first: full-text match in four configurations (simple, French, English,
 * Arabic stemming) or every word of the query inside searchText (half-typed words), ranked by ts_rank then recency.
 * Every value is a bound parameter.
 */
async function matchingIds(query: string): Promise<string[]> {
  const words = queryWords(query);
  const everyWord =
    words.length > 0
      ? Prisma.sql`OR (${Prisma.join(
          words.map((word) => Prisma.sql`p."searchText" LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`),
          " AND ",
        )})`
      : Prisma.empty;
  const rows = await getDb().$queryRaw<Array<{ id: string }>>`
    WITH q AS (
      SELECT websearch_to_tsquery('simple', ${query}) || websearch_to_tsquery('french', ${query})
          || websearch_to_tsquery('english', ${query}) || websearch_to_tsquery('arabic', ${query}) AS tsq
    ), p AS (
      SELECT id, "searchText", COALESCE("publishedAt", "updatedAt") AS recency,
             to_tsvector('simple', "searchText") || to_tsvector('french', "searchText")
          || to_tsvector('english', "searchText") || to_tsvector('arabic', "searchText") AS document
      FROM "Practice"
    )
    SELECT p.id FROM p, q
    WHERE p.document @@ q.tsq ${everyWord}
    ORDER BY ts_rank(p.document, q.tsq) DESC, p.recency DESC, p.id
    LIMIT ${MATCH_LIMIT}`;
  return rows.map((row) => row.id);
}

const SUMMARY_SELECT = {
  id: true,
  title: true,
  problem: true,
  approach: true,
  results: true,
  country: true,
  themes: true,
  languages: true,
  visibility: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  organisation: { select: { id: true, name: true } },
} satisfies Prisma.PracticeSelect;

const NEWEST_FIRST: Prisma.PracticeOrderByWithRelationInput[] = [{ publishedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }];

/** The readable practices matching the search, in rank order: a page of them (`take`) and how many there are. */
async function findPractices(viewer: PracticeViewer, filters: LibraryFilters, window: { skip: number; take: number }) {
  const db = getDb();
  const where = libraryWhere(viewer, filters);
  const query = normaliseQuery(filters.q);
  if (query === "") {
    const [total, practices] = await Promise.all([
      db.practice.count({ where }),
      db.practice.findMany({ where, orderBy: NEWEST_FIRST, select: SUMMARY_SELECT, ...window }),
    ]);
    return { query, total, practices };
  }
  const ranked = await matchingIds(query);
  const readable = new Set(
    (await db.practice.findMany({ where: { AND: [where, { id: { in: ranked } }] }, select: { id: true } })).map((practice) => practice.id),
  );
  const ids = ranked.filter((id) => readable.has(id));
  const pageIds = ids.slice(window.skip, window.skip + window.take);
  const found = await db.practice.findMany({ where: { AND: [where, { id: { in: pageIds } }] }, select: SUMMARY_SELECT });
  const byId = new Map(found.map((practice) => [practice.id, practice]));
  return { query, total: ids.length, practices: pageIds.flatMap((id) => byId.get(id) ?? []) };
}

/** A page of the library for this viewer, each result with a snippet of where the query appears. */
export async function searchPractices({ viewer, filters }: { viewer: PracticeViewer; filters: LibraryFilters }) {
  const { query, total, practices } = await findPractices(viewer, filters, { skip: (filters.page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  return {
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    results: practices.map(({ problem, approach, results, ...practice }) => ({ ...practice, snippet: snippetOf([problem, approach, results], query) })),
  };
}

export type PracticeResult = Awaited<ReturnType<typeof searchPractices>>["results"][number];

/** Every result of the search (not one page), for the CSV export. */
export async function exportPractices({ viewer, filters }: { viewer: PracticeViewer; filters: LibraryFilters }) {
  const { practices } = await findPractices(viewer, filters, { skip: 0, take: EXPORT_LIMIT });
  return practices.map(({ id, title, organisation, country, themes, languages, visibility, status, publishedAt }) => ({
    id,
    title,
    organisation,
    country,
    themes,
    languages,
    visibility,
    status,
    publishedAt,
  }));
}

/** The institutions and countries the viewer's library has practices of, for the filters' choices. */
export async function libraryFacets({ viewer }: { viewer: PracticeViewer }) {
  const where = { AND: [readablePracticesWhere(viewer) as Prisma.PracticeWhereInput, { status: "PUBLISHED" as const }] };
  const db = getDb();
  const [institutions, countries, mine] = await Promise.all([
    db.organisation.findMany({ where: { practices: { some: where } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.practice.findMany({ where, distinct: ["country"], select: { country: true } }),
    viewer.organisationId ? db.practice.count({ where: { organisationId: viewer.organisationId } }) : Promise.resolve(0),
  ]);
  return { institutions, countries: countries.map((row) => row.country), mine };
}
