import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { addComment, adoptPractice, answerQuestion, askQuestion, deleteComment, type ExchangeRefusal } from "~/models/practice-exchange.server";
import {
  adoptSchema,
  answerSchema,
  commentSchema,
  deleteSchema,
  EXCHANGE_ERROR_PARAM,
  EXCHANGE_INTENTS,
  exchangeErrorParam,
  questionSchema,
  type ExchangeIntent,
} from "~/practices/exchange-forms";
import { practiceViewerOf } from "~/practices/viewer";
import { parseForm } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";

/**
 * The exchange's forms post here (app/components/practices/practice-exchange.tsx). Every answer is a redirect to
 * the practice page, with or without JavaScript: on success to the exchange; when a form did not validate, back to
 * that form with its errors in the query (exchange-forms.ts). Refusals are the usual 404 and 403.
 */

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/practices/${params.practiceId ?? ""}`);
}

/** Where each form stands on the practice page, to come back to it with its errors. */
function formAnchor(intent: ExchangeIntent, target?: string): string {
  if (intent === "answer" && target) return `answer-${target}`;
  return intent === "delete" ? "exchange" : `exchange-${intent}`;
}

/** Where what was just sent shows on the practice page. */
const SHOWN_AT: Record<ExchangeIntent, string> = {
  comment: "exchange-comments",
  question: "exchange-questions",
  answer: "exchange-questions",
  adopt: "exchange-adoptions",
  delete: "exchange",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const practiceId = params.practiceId ?? notFound();
  const viewer = practiceViewerOf(user);
  const formData = await request.formData();
  const intent = EXCHANGE_INTENTS.find((known) => known === formData.get("intent")) ?? badRequest();
  const page = `/practices/${practiceId}`;

  const parse = <S extends z.ZodType>(schema: S) => {
    const form = parseForm(schema, formData);
    if (form.ok) return form.data;
    const target = typeof form.values.questionId === "string" ? form.values.questionId : undefined;
    throw redirect(`${page}?${new URLSearchParams({ [EXCHANGE_ERROR_PARAM]: exchangeErrorParam({ intent, target, errors: form.errors }) })}#${formAnchor(intent, target)}`);
  };
  const done = (outcome: { ok: true } | { ok: false; reason: ExchangeRefusal }, anchor = SHOWN_AT[intent]) => {
    if (!outcome.ok) return outcome.reason === "notFound" ? notFound() : forbidden();
    return redirect(`${page}#${anchor}`);
  };

  switch (intent) {
    case "comment":
      return done(await addComment({ practiceId, viewer, body: parse(commentSchema).body }));
    case "question": {
      const question = parse(questionSchema);
      return done(await askQuestion({ practiceId, viewer, body: question.body, private: question.private }));
    }
    case "answer": {
      const answer = parse(answerSchema);
      return done(await answerQuestion({ practiceId, viewer, questionId: answer.questionId, body: answer.body }), `question-${answer.questionId}`);
    }
    case "adopt":
      return done(await adoptPractice({ practiceId, viewer, story: parse(adoptSchema).story }));
    case "delete": {
      const form = parseForm(deleteSchema, formData);
      return done(await deleteComment({ practiceId, viewer, commentId: form.ok ? form.data.commentId : badRequest() }));
    }
  }
}
