import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { formatDateTime } from "~/utils/dates";

interface WorkshopCardProps {
  workshop: { id: string; title: string; startsAt: string; timezone: string; venue: string; format: string; status: string };
  role: string | null;
}

export function WorkshopCard({ workshop, role }: WorkshopCardProps) {
  const { t } = useTranslation(["workshop", "common"]);
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (
    <article className="card">
      <h3>
        <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link>
      </h3>
      <p className="muted">
        <time dateTime={workshop.startsAt}>{formatDateTime(workshop.startsAt, workshop.timezone, language)}</time>
        {workshop.venue ? ` · ${workshop.venue}` : null}
      </p>
      <p className="row">
        <span className="badge">{t(`workshop:format.${workshop.format}`)}</span>
        {workshop.status === "DRAFT" ? <span className="badge badge--warn">{t("workshop:status.DRAFT")}</span> : null}
        {role ? <span className="badge badge--muted">{t(`common:roles.${role}`)}</span> : null}
      </p>
    </article>
  );
}
