import { NavLink } from "@remix-run/react";
import { WorkshopHeader } from "~/components/workshop-header";
import { useTranslation } from "react-i18next";

/**
 * The committee's own pages. Organisers reach them from the workshop's tabs; committee members, who have no tabs,
 * get this smaller menu instead.
 */
export function CommitteeNav({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation("committee");
  const base = `/workshops/${workshopId}`;
  return (
    <nav aria-label={t("nav.label")} className="tabs">
      <NavLink to={`${base}/committee`}>{t("nav.committee")}</NavLink>
      <NavLink to={`${base}/follow-up`}>{t("nav.followUp")}</NavLink>
      <NavLink to={`${base}/dashboard`}>{t("nav.dashboard")}</NavLink>
    </nav>
  );
}

/** The top of each committee page: the workshop's header, and the committee menu for those without the tabs. */
export function CommitteeHeader({ workshop, isOrganiser }: { workshop: { id: string; title: string; status: string }; isOrganiser: boolean }) {
  return (
    <>
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      {isOrganiser ? null : <CommitteeNav workshopId={workshop.id} />}
    </>
  );
}
