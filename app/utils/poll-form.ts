import { z } from "zod";
import { normalizePollFields, optionLines, pollOptionsProblem, POLL_KINDS, POLL_LIMITS } from "~/live/polls";
import { text } from "./forms";

const blankAsMissing = (value: unknown) => (value === "" || value === undefined ? undefined : Number(value));

/**
 * The poll preparation form: the agenda item it belongs to (which decides its room), the question, its kind, the
 * options one per line (for choices) or the top of the scale (for ratings), and whether it is anonymous.
 */
export const preparedPollFormSchema = z
  .object({
    agendaItemId: z.string().trim().min(1, "polls:errors.agendaItem"),
    question: text(POLL_LIMITS.questionMax),
    kind: z.enum(POLL_KINDS),
    options: z.string().default("").transform(optionLines),
    scaleMax: z.preprocess(blankAsMissing, z.number().int().min(POLL_LIMITS.scaleMin).max(POLL_LIMITS.scaleMax).optional()),
    anonymous: z.preprocess((value) => value === "on", z.boolean()),
  })
  .superRefine((poll, ctx) => {
    const problem = pollOptionsProblem(poll.kind, poll.options);
    if (problem) ctx.addIssue({ code: "custom", path: ["options"], message: `polls:errors.${problem}` });
  })
  .transform(({ agendaItemId, ...fields }) => ({ agendaItemId, fields: normalizePollFields(fields) }));
