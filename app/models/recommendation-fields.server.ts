import type { Prisma } from "~/generated/prisma/client";

/** What a recommendation says, as its page, the committee's agenda and the dossiers read it. */
export const RECOMMENDATION_CONTENT = {
  id: true,
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
  status: true,
} as const satisfies Prisma.RecommendationSelect;

/** A cited board element, with where to see it as it was (the frozen version). */
export const SOURCE_FIELDS = {
  id: true,
  boardId: true,
  boardVersionId: true,
  elementId: true,
  elementType: true,
  excerpt: true,
  board: { select: { title: true } },
  boardVersion: { select: { name: true, createdAt: true } },
} as const satisfies Prisma.RecommendationSourceSelect;
