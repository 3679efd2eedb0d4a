import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { BoardElement } from "~/boards/document";
import { startRoundSchema, VOTING_LIMITS, type VotingResult } from "~/boards/voting";
import { Field } from "~/components/field";
import { parseForm, type FieldErrors } from "~/utils/forms";
import type { BoardVoting } from "./use-board-voting";

interface VotingPanelProps {
  voting: BoardVoting;
  /** The board's elements now, to name what received dots. */
  elements: BoardElement[];
  /** Observers and committee members follow the vote without voting. */
  readOnly: boolean;
}

/**
 * The board's dot-voting round, under a heading the page gives it: facilitators start and close it; everyone sees its question, how many dots they
 * have left and how many people voted; once closed, the results from the most dots down. Dots are given on the
 * board itself (its vote mode); this panel lists one's own dots so they can also be taken back from here.
 */
export function VotingPanel({ voting, elements, readOnly }: VotingPanelProps) {
  const { t } = useTranslation("boards");
  const { round } = voting;
  const open = round?.status === "OPEN";
  const byId = new Map(elements.map((element) => [element.id, element]));
  const nameOf = (elementId: string) => elementName(byId.get(elementId), t);

  return (
    <div className="voting-panel">
      {voting.error ? (
        <p className="alert alert--error" role="alert">
          {voting.error}
        </p>
      ) : null}

      {round ? (
        <div className="voting-panel__round">
          <p className={`voting-panel__status voting-panel__status--${open ? "open" : "closed"}`}>{open ? t("voting.open") : t("voting.closed")}</p>
          {round.question ? (
            <p className="voting-panel__question" dir="auto">
              {round.question}
            </p>
          ) : null}
          <p className="muted">{round.anonymous ? t("voting.anonymous") : t("voting.named")}</p>
          <p>{t("voting.voters", { count: voting.votersCount })}</p>
        </div>
      ) : (
        <p className="muted">{t("voting.none")}</p>
      )}

      {open && round ? (
        readOnly ? (
          <p className="alert alert--info">{t("voting.readOnly")}</p>
        ) : (
          <>
            <p className="muted">{t("voting.intro")}</p>
            <DotsLeft left={voting.dotsLeft} total={round.dotsPerPerson} />
            <p className="muted">{t("voting.howTo")}</p>
            <MyDots voting={voting} nameOf={nameOf} />
          </>
        )
      ) : null}

      {open && voting.canManage ? (
        <button type="button" className="button button--primary" onClick={() => voting.close()} disabled={voting.pending}>
          {t("voting.close")}
        </button>
      ) : null}

      {round && !open && voting.results ? <Results results={voting.results} nameOf={nameOf} /> : null}

      {!open && voting.canManage ? <StartRoundForm voting={voting} /> : null}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation>["t"];

/** What people see of an element: its text, or its kind when it has none, or that it is gone. */
function elementName(element: BoardElement | undefined, t: Translate) {
  if (!element) return { text: t("voting.results.deleted"), deleted: true };
  const text = element.text.trim();
  return { text: text || t("voting.results.untitled", { type: t(`voting.types.${element.type}`) }), deleted: false };
}

type NameOf = (elementId: string) => { text: string; deleted: boolean };

/** "N dots left", announced as it changes, with the dots drawn as a row (decoration: the sentence says it all). */
function DotsLeft({ left, total }: { left: number; total: number }) {
  const { t } = useTranslation("boards");
  return (
    <div className="voting-dots">
      <p role="status" className="voting-dots__text">
        {t("voting.dotsLeft", { count: left, total })}
      </p>
      <p className="voting-dots__row" aria-hidden="true">
        {Array.from({ length: total }, (_, index) => (
          <span key={index} className={`voting-dot${index < left ? " voting-dot--left" : ""}`} />
        ))}
      </p>
    </div>
  );
}

function MyDots({ voting, nameOf }: { voting: BoardVoting; nameOf: NameOf }) {
  const { t } = useTranslation("boards");
  const mine = Object.entries(voting.myDots).filter(([, count]) => count > 0);
  if (mine.length === 0) return null;
  return (
    <section className="voting-panel__part" aria-labelledby="voting-mine-title">
      <h3 id="voting-mine-title">{t("voting.mine.title")}</h3>
      <ul className="voting-list">
        {mine.map(([elementId, count]) => {
          const name = nameOf(elementId);
          return (
            <li key={elementId}>
              <span className={name.deleted ? "voting-list__name muted" : "voting-list__name"} dir="auto">
                {name.text}
              </span>
              <span className="voting-list__count">{t("voting.mine.count", { count })}</span>
              <button type="button" className="button button--quiet" onClick={() => voting.retract(elementId)} aria-label={t("voting.mine.retractLabel", { name: name.text })}>
                {t("voting.mine.retract")}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Results({ results, nameOf }: { results: VotingResult[]; nameOf: NameOf }) {
  const { t } = useTranslation("boards");
  return (
    <section className="voting-panel__part" aria-labelledby="voting-results-title">
      <h3 id="voting-results-title">{t("voting.results.title")}</h3>
      {results.length === 0 ? (
        <p className="muted">{t("voting.results.none")}</p>
      ) : (
        <ol className="voting-list voting-list--results">
          {results.map((result) => {
            const name = nameOf(result.elementId);
            return (
              <li key={result.elementId}>
                <span className={name.deleted ? "voting-list__name muted" : "voting-list__name"} dir="auto">
                  {name.text}
                </span>
                <span className="voting-list__count">{t("voting.results.dots", { count: result.count })}</span>
                {result.voters && result.voters.length > 0 ? (
                  <span className="voting-list__voters" dir="auto">
                    {t("voting.results.by", { names: result.voters.join(", ") })}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Checked here with the server's own rules, so that mistakes show next to their field before anything is sent. */
function StartRoundForm({ voting }: { voting: BoardVoting }) {
  const { t } = useTranslation("boards");
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = parseForm(startRoundSchema, new FormData(event.currentTarget));
    if (!form.ok) return setErrors(form.errors);
    setErrors({});
    voting.start({ question: form.data.question ?? "", dotsPerPerson: form.data.dotsPerPerson, anonymous: form.data.anonymous });
  }

  return (
    <form className="voting-panel__part voting-start" onSubmit={submit} noValidate aria-labelledby="voting-start-title">
      <h3 id="voting-start-title">{t("voting.start.title")}</h3>
      <Field
        id="voting-question"
        name="question"
        label={t("voting.start.question")}
        hint={t("voting.start.questionHint")}
        maxLength={VOTING_LIMITS.questionMax}
        error={errors.question}
      />
      <Field
        id="voting-dots"
        name="dotsPerPerson"
        type="number"
        inputMode="numeric"
        label={t("voting.start.dots")}
        hint={t("voting.start.dotsHint", { min: VOTING_LIMITS.minDots, max: VOTING_LIMITS.maxDots })}
        min={VOTING_LIMITS.minDots}
        max={VOTING_LIMITS.maxDots}
        defaultValue={VOTING_LIMITS.defaultDots}
        required
        error={errors.dotsPerPerson}
      />
      <label className="choice">
        <input type="checkbox" name="anonymous" />
        {t("voting.start.anonymous")}
      </label>
      <button type="submit" className="button button--primary" disabled={voting.pending}>
        {t("voting.start.submit")}
      </button>
    </form>
  );
}
