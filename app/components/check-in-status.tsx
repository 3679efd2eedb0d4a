import { useTranslation } from "react-i18next";

interface Registrant {
  name: string;
  email: string | null;
  mode: string;
  session: string | null;
}

/** Who is at the door: enough for the volunteer to recognise the person and send them to their session. */
export function RegistrantSummary({ person, children }: { person: Registrant; children?: React.ReactNode }) {
  const { t } = useTranslation("registration");
  return (
    <div>
      <p className="checkin-list__name">{person.name}</p>
      {person.email ? (
        <p className="muted">
          <bdi dir="ltr">{person.email}</bdi>
        </p>
      ) : null}
      <p>
        <span className="badge">{t(`mode.${person.mode}`)}</span> {person.session ?? t("checkin.noSession")}
      </p>
      {children}
    </div>
  );
}

interface CheckInConfirmationProps {
  name: string;
  /** When the arrival was recorded, already formatted in the workshop's zone. */
  time: string;
  /** False when someone had already checked the person in: the volunteer learns when, and by whom if known. */
  justNow: boolean;
  by?: string | null;
}

/** Says that a person's arrival is recorded, whether by this very scan or search, or earlier. */
export function CheckInConfirmation({ name, time, justNow, by }: CheckInConfirmationProps) {
  const { t } = useTranslation("registration");
  const message = justNow
    ? t("checkin.done", { name, time })
    : by
      ? t("checkin.alreadyAtBy", { name, time, by })
      : t("checkin.alreadyAt", { name, time });
  return (
    <p className={`alert ${justNow ? "alert--ok" : "alert--info"}`} role="status">
      {message}
    </p>
  );
}
