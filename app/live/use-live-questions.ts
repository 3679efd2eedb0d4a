import { useEffect, useState } from "react";
import type { ChatMuteChange } from "./chat";
import type { QuestionView, QuestionsSnapshot } from "./questions";
import type { LiveRoom } from "./use-live-room";

function upsertQuestion(questions: QuestionView[], question: QuestionView) {
  return questions.some((q) => q.id === question.id) ? questions.map((q) => (q.id === question.id ? question : q)) : [...questions, question];
}

/**
 * The room's questions kept current: the snapshot at every (re)join, then each update or removal. Shared by the
 * questions panel and the room's screen.
 */
export function useLiveQuestions(live: LiveRoom) {
  const [questions, setQuestions] = useState<QuestionView[]>([]);
  const [myVotes, setMyVotes] = useState<Set<string>>(new Set());
  const [muted, setMuted] = useState(false);

  useEffect(() => {
    const state = live.snapshot?.features.questions as QuestionsSnapshot | undefined;
    if (!state) return;
    setQuestions(state.questions);
    setMyVotes(new Set(state.myVotes));
    setMuted(state.muted);
    // Only a fresh join replaces the state: the snapshot object also changes whenever presence does.
  }, [live.joinVersion]);

  const selfId = live.snapshot?.self.userId;
  useEffect(() => {
    const stops = [
      live.on<QuestionView>("question:updated", (question) => setQuestions((current) => upsertQuestion(current, question))),
      live.on<{ questionId: string }>("question:removed", ({ questionId }) =>
        setQuestions((current) => current.filter((q) => q.id !== questionId)),
      ),
      live.on<ChatMuteChange>("chat:muted", ({ userId, muted: nowMuted }) => {
        if (userId === selfId) setMuted(nowMuted);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [live.on, selfId]);

  return { questions, setQuestions, upsert: (question: QuestionView) => setQuestions((current) => upsertQuestion(current, question)), myVotes, setMyVotes, muted };
}
