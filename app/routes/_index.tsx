import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/session.server";
import { WorkshopCard } from "~/components/workshop-card";
import { canCreateWorkshops, listWorkshopsForHome } from "~/models/workshop.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const workshops = await listWorkshopsForHome({ userId: user?.id ?? null });
  const mayCreate = user ? await canCreateWorkshops({ userId: user.id }) : false;
  return json({ ...workshops, signedIn: Boolean(user), mayCreate });
}

export default function HomePage() {
  const { t } = useTranslation();
  const { mine, open, signedIn, mayCreate } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("home.title")}</h1>
          <p className="muted">{t("home.intro")}</p>
        </div>
        {mayCreate ? (
          <Link to="/workshops/new" className="button button--primary">
            {t("home.createWorkshop")}
          </Link>
        ) : null}
      </header>
      <p className="alert alert--info">
        <Link to="/join">{t("home.joinWithCode")}</Link>
      </p>
      {signedIn ? (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t("home.myWorkshops")}</h2>
          {mine.length === 0 ? <p className="muted">{t("home.noWorkshops")}</p> : null}
          <div className="grid">
            {mine.map((workshop) => (
              <WorkshopCard key={workshop.id} workshop={workshop} role={workshop.role} />
            ))}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="open-title">
        <h2 id="open-title">{t("home.publicWorkshops")}</h2>
        {open.length === 0 ? <p className="muted">{t("home.noWorkshops")}</p> : null}
        <div className="grid">
          {open.map((workshop) => (
            <WorkshopCard key={workshop.id} workshop={workshop} role={null} />
          ))}
        </div>
      </section>
    </div>
  );
}
