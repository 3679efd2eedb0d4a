import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LiveAck, LiveErrorCode } from "~/live/protocol";

type Outcome = { ok: true; message: string } | { ok: false; error: LiveErrorCode } | null;

/**
 * One console action sent over the live connection: pending while the server has not answered (so a second click
 * does not send it twice), then what came of it, said to screen readers too.
 */
export function useConsoleAction() {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = useCallback(async <T,>(send: () => Promise<LiveAck<T>>, successMessage: string) => {
    setPending(true);
    setOutcome(null);
    const answer = await send();
    setPending(false);
    setOutcome(answer.ok ? { ok: true, message: successMessage } : { ok: false, error: answer.error });
    return answer;
  }, []);
  return { pending, outcome, run };
}

export function ConsoleActionStatus({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation("live");
  return (
    <p role="status" className={outcome && !outcome.ok ? "console-status console-status--error" : "console-status"}>
      {outcome ? (outcome.ok ? outcome.message : t(`errors.${outcome.error}`)) : null}
    </p>
  );
}
