import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The one error page of the app: 404 and 403 in the reader's language, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  let title = t("errorPage.title");
  let message = t("errorPage.unexpected");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("errorPage.notFoundTitle");
      message = t("errorPage.notFound");
    } else if (error.status === 403) {
      title = t("errorPage.forbiddenTitle");
      message = t("errorPage.forbidden");
    } else if (error.status === 400) {
      message = t("errorPage.badRequest");
    }
  } else {
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/" className="button">
          {t("errorPage.goHome")}
        </Link>
      </p>
    </section>
  );
}
