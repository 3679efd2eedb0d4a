import { useTranslation } from "react-i18next";
import { WorkshopNav } from "~/components/workshop-nav";

interface WorkshopHeaderProps {
  workshop: { id: string; title: string; status: string };
  isOrganiser: boolean;
}

/** The top of every page of a workshop: its title, whether it is still a draft, and the organisers' tabs. */
export function WorkshopHeader({ workshop, isOrganiser }: WorkshopHeaderProps) {
  const { t } = useTranslation("workshop");
  return (
    <>
      <header className="page-header workshop-header">
        <div>
          <h1>{workshop.title}</h1>
          <p className="row">
            <span className={workshop.status === "DRAFT" ? "badge badge--warn" : "badge"}>{t(`status.${workshop.status}`)}</span>
          </p>
        </div>
      </header>
      {isOrganiser ? <WorkshopNav workshopId={workshop.id} isOrganiser /> : null}
    </>
  );
}
