import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { IntentForm } from "~/components/intent-form";
import { NotificationItem } from "~/components/notifications/notification-item";
import { SubmitButton } from "~/components/submit-button";
import { resolveLanguage } from "~/i18n/locale.server";
import { listNotifications, markAllNotificationsRead } from "~/models/notifications.server";
import { badRequest } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const olderThan = url.searchParams.get("older") || null;
  const [page, { language }] = await Promise.all([listNotifications({ user, olderThan }), resolveLanguage(request, user.locale)]);
  return json({ ...page, language, paged: olderThan !== null, allRead: url.searchParams.get("notice") === "allRead" });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "markAllRead") badRequest();
  await markAllNotificationsRead({ userId: user.id });
  return redirect("/notifications?notice=allRead");
}

export default function NotificationsPage() {
  const { t } = useTranslation("notifications");
  const { notifications, olderThan, language, paged, allRead } = useLoaderData<typeof loader>();
  const anyUnread = notifications.some((notification) => !notification.read);
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        {anyUnread ? (
          <IntentForm intent="markAllRead">
            <SubmitButton className="button">{t("markAllRead")}</SubmitButton>
          </IntentForm>
        ) : null}
      </header>
      {allRead ? (
        <p className="alert alert--ok" role="status">
          {t("allRead")}
        </p>
      ) : null}
      {notifications.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ol className="notification-list">
          {notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} language={language} />
          ))}
        </ol>
      )}
      {paged || olderThan ? (
        <p className="row">
          {paged ? <Link to="/notifications">{t("newest")}</Link> : null}
          {olderThan ? <Link to={`/notifications?${new URLSearchParams({ older: olderThan })}`}>{t("older")}</Link> : null}
        </p>
      ) : null}
    </div>
  );
}
