import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE, INTL_LOCALE } from "~/i18n/config";
import type { PollView } from "~/live/polls";
import { useRootData } from "~/root";
import { shareOf } from "~/utils/poll-tally";

interface PollResultsProps {
  poll: PollView;
  /** Bigger type, e.g. on the room's screen. */
  large?: boolean;
}

/**
 * A poll's live results: bars with their numbers written out (a screen reader reads each answer with its count and
 * share; the bars themselves are decoration), the mean and spread of a rating, or the word cloud of open answers.
 */
export function PollResults({ poll, large = false }: PollResultsProps) {
  const { t } = useTranslation("polls");
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const locale = INTL_LOCALE[language];
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const { results } = poll;
  const bars = (labels: string[]) => (
    <ol className="poll-bars">
      {labels.map((label, index) => {
        const count = results.counts[index] ?? 0;
        const share = shareOf(count, results.voters);
        return (
          <li key={index}>
            <div className="poll-bars__label">
              <span dir="auto">{label}</span>
              <span className="poll-bars__value">{t("results.count", { count, percent: percent.format(share) })}</span>
            </div>
            <div className="poll-bars__track" aria-hidden="true">
              <div className="poll-bars__fill" style={{ inlineSize: `${Math.round(share * 100)}%` }} />
            </div>
          </li>
        );
      })}
    </ol>
  );

  return (
    <div className={`poll-results${large ? " poll-results--large" : ""}`}>
      <p className="poll-results__voters">{t("results.voters", { count: results.voters })}</p>
      {results.voters === 0 ? (
        <p className="muted">{t("results.none")}</p>
      ) : poll.kind === "OPEN" ? (
        <ul className="word-cloud" aria-label={t("results.words")}>
          {results.words.map(({ word, count, weight }) => (
            <li key={word} style={{ fontSize: `${(0.95 + weight * 1.4).toFixed(2)}em` }}>
              <span dir="auto">{word}</span>
              <span className="visually-hidden">: </span>
              <span className="word-cloud__count">{count}</span>
            </li>
          ))}
        </ul>
      ) : poll.kind === "RATING" ? (
        <>
          {results.average !== null ? (
            <p className="poll-average">{t("results.average", { average: decimal.format(results.average), max: poll.scaleMax ?? results.counts.length })}</p>
          ) : null}
          {bars(results.counts.map((_, index) => t("results.ratingValue", { value: index + 1 })))}
        </>
      ) : (
        bars(poll.options)
      )}
    </div>
  );
}
