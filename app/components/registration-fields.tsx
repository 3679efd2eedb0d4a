import { useTranslation } from "react-i18next";
import type { AttendanceMode } from "~/generated/prisma/enums";
import type { FieldError } from "~/utils/forms";

export interface SessionChoiceOption {
  id: string;
  title: string;
  room: string;
  capacity: number | null;
  taken: number;
  full: boolean;
}

interface ChoiceGroupProps {
  name: string;
  legend: string;
  hint?: string;
  error?: FieldError;
  children: React.ReactNode;
}

/** A group of radio buttons with its legend, hint and error announced together (aria-describedby). */
function ChoiceGroup({ name, legend, hint, error, children }: ChoiceGroupProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset
      className={`choice-group${error ? " field--invalid" : ""}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {t(error.key, error.values)}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

interface ModeChoiceProps {
  modes: AttendanceMode[];
  defaultValue?: string;
  error?: FieldError;
}

/** In person or remote; when the workshop's format allows only one, it is stated instead of asked. */
export function ModeChoice({ modes, defaultValue, error }: ModeChoiceProps) {
  const { t } = useTranslation("registration");
  if (modes.length === 1) {
    return (
      <div className="field">
        <input type="hidden" name="mode" value={modes[0]} />
        <p className="alert alert--info">{t("mode.only", { mode: t(`mode.${modes[0]}`) })}</p>
        {error ? <p className="field__error">{t(error.key, error.values)}</p> : null}
      </div>
    );
  }
  const checked = defaultValue && modes.includes(defaultValue as AttendanceMode) ? defaultValue : undefined;
  return (
    <ChoiceGroup name="mode" legend={t("mode.legend")} error={error}>
      {modes.map((mode) => (
        <label key={mode} className="choice choice--card">
          <input type="radio" name="mode" value={mode} defaultChecked={checked === mode} required />
          <span>
            <strong>{t(`mode.${mode}`)}</strong>
            <span className="choice__detail">{t(`mode.${mode}_hint`)}</span>
          </span>
        </label>
      ))}
    </ChoiceGroup>
  );
}

interface SessionChoiceProps {
  sessions: SessionChoiceOption[];
  defaultValue?: string;
  /** The session the person already holds a seat in: it is never "full" for them. */
  currentSessionId?: string | null;
  error?: FieldError;
}

export function SessionChoice({ sessions, defaultValue, currentSessionId, error }: SessionChoiceProps) {
  const { t } = useTranslation("registration");
  if (sessions.length === 0) return null;
  return (
    <ChoiceGroup name="sessionId" legend={t("session.legend")} hint={t("session.hint")} error={error}>
      {sessions.map((session) => {
        const full = session.full && session.id !== currentSessionId;
        return (
          <label key={session.id} className="choice choice--card">
            <input
              type="radio"
              name="sessionId"
              value={session.id}
              defaultChecked={defaultValue === session.id}
              required
            />
            <span>
              <strong>{session.title}</strong>
              {session.room ? (
                <span className="choice__detail">{t("session.room", { room: session.room })}</span>
              ) : null}
              <span className="choice__detail">
                {session.capacity === null
                  ? t("session.registered", { count: session.taken })
                  : t("session.seats", { taken: session.taken, capacity: session.capacity })}
                {full ? (
                  <>
                    {" "}
                    <span className="badge badge--warn">{t("session.full")}</span>
                  </>
                ) : null}
              </span>
            </span>
          </label>
        );
      })}
    </ChoiceGroup>
  );
}
