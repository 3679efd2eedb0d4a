import { z } from "zod";
import { isMutedInChat } from "~/models/live/chat.server";
import {
  askQuestion,
  listMyQuestionVotes,
  listQuestions,
  toPublicQuestion,
  updateQuestionState,
  type QuestionStateChange,
  voteOnQuestion,
} from "~/models/live/questions.server";
import { CLIENT_ID_MAX } from "~/live/chat";
import { QUESTION_BODY_MAX, type QuestionView, type QuestionVoteResult, type QuestionsSnapshot } from "~/live/questions";
import { requireFacilitator, requireParticipant, type LiveContext } from "./context";
import { refuse } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler } from "./handler";
import { channels } from "./rooms";
import { requireVoice } from "./voice";

const questionId = z.string().min(1).max(64);

/**
 * Tells the room about a question, each as they may see it: facilitators the whole question, everyone else no
 * author for an anonymous question, and nothing but its removal once it is hidden.
 */
function publishQuestion(ctx: LiveContext, workshopId: string, room: string, question: QuestionView) {
  const facilitators = channels.roomFacilitators(workshopId, room);
  ctx.io.to(facilitators).emit("question:updated" as never, question as never);
  const others = ctx.io.to(channels.room(workshopId, room)).except(facilitators);
  if (question.hidden) others.emit("question:removed" as never, { questionId: question.id } as never);
  else others.emit("question:updated" as never, toPublicQuestion(question) as never);
}

const ask = defineHandler({
  event: "question:ask",
  schema: z.object({
    clientId: z.string().min(1).max(CLIENT_ID_MAX),
    body: z.string().trim().min(1).max(QUESTION_BODY_MAX),
    anonymous: z.boolean(),
  }),
  async handle(ctx, { clientId, body, anonymous }): Promise<QuestionView> {
    const { workshopId, room, self } = await requireVoice(ctx);
    const asked = (await askQuestion({ workshopId, room, authorId: self.userId, clientId, body, anonymous })) ?? refuse("invalidPayload");
    if (asked.created) publishQuestion(ctx, workshopId, room, asked.question);
    // The author sees their own question as everyone else does; facilitators see it whole anyway.
    return self.isFacilitator ? asked.question : toPublicQuestion(asked.question);
  },
});

const vote = defineHandler({
  event: "question:vote",
  schema: z.object({ questionId, up: z.boolean() }),
  async handle(ctx, { questionId, up }): Promise<QuestionVoteResult> {
    const { workshopId, room, self } = requireParticipant(ctx);
    const question =
      (await voteOnQuestion({ workshopId, room, questionId, userId: self.userId, up, mayVoteOnHidden: self.isFacilitator })) ??
      refuse("notFound");
    publishQuestion(ctx, workshopId, room, question);
    return { question: self.isFacilitator ? question : toPublicQuestion(question), voted: up };
  },
});

/** Facilitators' moderation of a question of their room. */
async function moderate(ctx: LiveContext, questionId: string, change: QuestionStateChange): Promise<QuestionView> {
  const { workshopId, room } = requireFacilitator(ctx);
  const question = (await updateQuestionState({ workshopId, room, questionId, change })) ?? refuse("notFound");
  publishQuestion(ctx, workshopId, room, question);
  return question;
}

const answer = defineHandler({
  event: "question:answer",
  schema: z.object({ questionId, answered: z.boolean() }),
  handle: (ctx, { questionId, answered }) => moderate(ctx, questionId, { answered }),
});

const pin = defineHandler({
  event: "question:pin",
  schema: z.object({ questionId, pinned: z.boolean() }),
  handle: (ctx, { questionId, pinned }) => moderate(ctx, questionId, { pinned }),
});

const hide = defineHandler({
  event: "question:hide",
  schema: z.object({ questionId, hidden: z.boolean() }),
  handle: (ctx, { questionId, hidden }) => moderate(ctx, questionId, { hidden }),
});

export const questionsFeature: LiveFeature = {
  name: "questions",
  handlers: [ask, vote, answer, pin, hide],
  async snapshot({ workshopId, room, self, display }): Promise<QuestionsSnapshot> {
    // A projector is opened by a facilitator but shown to the whole room: it gets what participants see.
    const seesAll = self.isFacilitator && !display;
    const [questions, myVotes, muted] = await Promise.all([
      listQuestions({ workshopId, room, includeHidden: seesAll }),
      listMyQuestionVotes({ workshopId, room, userId: self.userId }),
      isMutedInChat({ workshopId, userId: self.userId }),
    ]);
    return { questions: seesAll ? questions : questions.map(toPublicQuestion), myVotes, muted };
  },
};
