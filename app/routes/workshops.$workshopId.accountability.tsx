import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/session.server";
import { StatusBadge } from "~/components/recommendations/status-badge";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { requireCapability } from "~/models/access.server";
import { accountabilityVisibilities, listAccountability } from "~/models/accountability.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

/** Open to anyone who may see the workshop; which recommendations each reader sees is decided in the query. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const workshopId = params.workshopId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user?.id ?? null, capability: "workshop.view" });
  const [workshop, recommendations] = await Promise.all([getWorkshop({ workshopId }), listAccountability({ workshopId, role: access.role })]);
  if (!workshop) notFound();
  const visibilities = accountabilityVisibilities(access.role);
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    isOrganiser: access.role === "ORGANISER",
    scope: visibilities === "all" ? "all" : visibilities.includes("PEERS") ? "peers" : "public",
    recommendations,
  });
}

export default function AccountabilityPage() {
  const { t } = useTranslation("recommendations");
  const { workshop, isOrganiser, scope, recommendations } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section aria-labelledby="accountability-title" className="stack">
        <h2 id="accountability-title">{t("accountability.title")}</h2>
        <p className="muted">{t("accountability.intro")}</p>
        {scope === "public" ? <p className="alert alert--info">{t("accountability.publicOnly")}</p> : null}
        {scope === "peers" ? <p className="alert alert--info">{t("accountability.peersOnly")}</p> : null}
        {recommendations.length === 0 ? <p className="muted">{t("accountability.empty")}</p> : null}
        <ul className="accountability-list">
          {recommendations.map((recommendation) => (
            <li key={recommendation.id} id={`recommendation-${recommendation.id}`} className="card stack">
              <h3 dir="auto">{recommendation.title}</h3>
              <p className="row">
                <StatusBadge status={recommendation.status} />
                <span className="badge badge--muted">{t(`themes.${recommendation.theme}`)}</span>
                <span className="muted" dir="auto">
                  {recommendation.session?.title ?? t("plenary")}
                </span>
              </p>
              <dl className="facts">
                <div>
                  <dt>{t("accountability.decision")}</dt>
                  <dd>
                    {recommendation.decision ? (
                      <>
                        <strong>
                          {t("detail.decidedOn", {
                            outcome: t(`outcomes.${recommendation.decision.outcome}`),
                            date: formatDate(recommendation.decision.decidedAt, workshop.timezone, language),
                          })}
                        </strong>
                        <span className="facts__note" dir="auto">
                          {recommendation.decision.rationale}
                        </span>
                      </>
                    ) : (
                      <span className="muted">{t("accountability.noDecision")}</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t("accountability.progress")}</dt>
                  <dd>
                    {recommendation.progress === null ? (
                      <span className="muted">{t("accountability.noActions")}</span>
                    ) : (
                      <>
                        <meter min={0} max={100} value={recommendation.progress} aria-label={t("accountability.progress")} />{" "}
                        {t("accountability.progressValue", { value: recommendation.progress })}
                      </>
                    )}
                  </dd>
                </div>
              </dl>
              {recommendation.followUps.length > 0 ? (
                <details>
                  <summary>{t("accountability.actions")}</summary>
                  <ul>
                    {recommendation.followUps.map((action) => (
                      <li key={action.id} dir="auto">
                        {t("accountability.action", { title: action.title, owner: action.ownerInstitution, date: formatDate(action.dueDate, "UTC", language) })} —{" "}
                        {t(`followUpStatuses.${action.status}`)} ({t("accountability.progressValue", { value: action.progress })})
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
