import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

interface WorkshopNavProps {
  workshopId: string;
  isOrganiser: boolean;
}

/** The workshop's tabs; organisers see the preparation and door tabs too. */
export function WorkshopNav({ workshopId, isOrganiser }: WorkshopNavProps) {
  const { t } = useTranslation("workshop");
  const base = `/workshops/${workshopId}`;
  const tabs = [
    { to: base, label: t("nav.overview"), end: true },
    ...(isOrganiser
      ? [
          { to: `${base}/edit`, label: t("nav.details") },
          { to: `${base}/sessions`, label: t("nav.sessions") },
          { to: `${base}/agenda`, label: t("nav.agenda") },
          { to: `${base}/polls`, label: t("nav.polls") },
          { to: `${base}/boards`, label: t("nav.boards") },
          { to: `${base}/recommendations`, label: t("recommendations:nav.tab") },
          { to: `${base}/people`, label: t("nav.people") },
          { to: `${base}/institutions`, label: t("nav.institutions") },
          { to: `${base}/registrations`, label: t("nav.registrations") },
          { to: `${base}/checkin`, label: t("nav.checkin") },
          { to: `${base}/badges`, label: t("nav.badges") },
          { to: `${base}/room`, label: t("nav.room") },
          { to: `${base}/live`, label: t("nav.live") },
          { to: `${base}/console`, label: t("nav.console") },
          { to: `${base}/committee`, label: t("committee:nav.committee") },
          { to: `${base}/follow-up`, label: t("committee:nav.followUp") },
          { to: `${base}/dashboard`, label: t("committee:nav.dashboard") },
        ]
      : []),
  ];
  return (
    <nav aria-label={t("nav.label")} className="tabs">
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
