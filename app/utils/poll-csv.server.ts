import { formatInTimeZone } from "date-fns-tz";
import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import type { getPollExport } from "~/models/live/polls.server";
import { toCsv } from "./csv";
import { shareOf } from "./poll-tally";

type PollExport = NonNullable<Awaited<ReturnType<typeof getPollExport>>>;

/** To the second: answers come in quickly during a poll. Sortable, read as a date by spreadsheets. */
const CSV_TIME_FORMAT = "yyyy-MM-dd HH:mm:ss";

/**
 * A poll as a spreadsheet in the reader's language: what was asked, the summary (the same aggregates as the live
 * chart), then one row per answer — with the person's name unless the poll is anonymous.
 */
export function pollCsv({ exported, language, timeZone }: { exported: PollExport; language: Language; timeZone: string }) {
  const t = translatorFor(language);
  const { poll, roomTitle, answers } = exported;
  const { results } = poll;
  const percent = (count: number) => Math.round(shareOf(count, results.voters) * 100);
  const answerText = (answer: { choices: number[]; text: string | null }) => {
    if (poll.kind === "OPEN") return answer.text ?? "";
    if (poll.kind === "RATING") return answer.choices[0] ?? "";
    return answer.choices.map((choice) => poll.options[choice] ?? "").join(" ; ");
  };

  const summary =
    poll.kind === "OPEN"
      ? [[t("polls:csv.word"), t("polls:csv.count")], ...results.words.map(({ word, count }) => [word, count])]
      : [
          [t(poll.kind === "RATING" ? "polls:csv.value" : "polls:csv.answer"), t("polls:csv.votes"), t("polls:csv.share")],
          ...results.counts.map((count, index) => [poll.kind === "RATING" ? index + 1 : poll.options[index], count, percent(count)]),
          ...(poll.kind === "RATING" ? [[t("polls:csv.average"), results.average ?? ""]] : []),
        ];

  return toCsv([
    [t("polls:csv.question"), poll.question],
    [t("polls:csv.kind"), t(`polls:kind.${poll.kind}`)],
    [t("polls:csv.room"), roomTitle ?? t("polls:prepare.plenary")],
    [t("polls:csv.status"), t(`polls:status.${poll.status}`)],
    [t("polls:csv.anonymous"), t(poll.anonymous ? "polls:csv.yes" : "polls:csv.no")],
    [t("polls:csv.voters"), results.voters],
    [],
    [t("polls:csv.summary")],
    ...summary,
    [],
    [t("polls:csv.answers")],
    poll.anonymous ? [t("polls:csv.answer"), t("polls:csv.time")] : [t("polls:csv.name"), t("polls:csv.answer"), t("polls:csv.time")],
    ...answers.map((answer) => {
      const row = [answerText(answer), formatInTimeZone(answer.at, timeZone, CSV_TIME_FORMAT)];
      return answer.name === null ? row : [answer.name, ...row];
    }),
  ]);
}

/** An ASCII file name every browser keeps intact, dated, with the poll's id so two exports never collide. */
export function pollFileName({ pollId, language, now = new Date() }: { pollId: string; language: Language; now?: Date }) {
  const base =
    translatorFor(language)("polls:csv.fileName")
      .normalize("NFKD")
      .replace(/[^\w-]+/g, "") || "poll";
  return `${base}-${pollId.replace(/[^\w-]+/g, "")}-${now.toISOString().slice(0, 10)}.csv`;
}
