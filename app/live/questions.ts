/** Q&A in live rooms: what the server sends, the limits both sides check, and the order questions are shown in. */
export const QUESTION_BODY_MAX = 500;

export interface QuestionView {
  id: string;
  body: string;
  anonymous: boolean;
  /** Null for an anonymous question, except for the room's facilitators. */
  author: { id: string; name: string } | null;
  votes: number;
  answered: boolean;
  pinned: boolean;
  /** Hidden questions only ever reach facilitators. */
  hidden: boolean;
  createdAt: string;
}

export interface QuestionsSnapshot {
  questions: QuestionView[];
  /** The questions I voted for: votes are broadcast as counts, so each person keeps their own. */
  myVotes: string[];
  /** Whether I may not ask (a facilitator muted me in this workshop). */
  muted: boolean;
}

export interface QuestionVoteResult {
  question: QuestionView;
  voted: boolean;
}

/** Pinned first, then the most supported, then the oldest; answered questions apart, below the open ones. */
export function groupQuestions(questions: QuestionView[]) {
  const sorted = [...questions].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || a.createdAt.localeCompare(b.createdAt),
  );
  return { open: sorted.filter((q) => !q.answered), answered: sorted.filter((q) => q.answered) };
}
