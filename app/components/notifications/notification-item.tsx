import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { isolate } from "~/utils/bidi-isolate";
import { formatDateTime } from "~/utils/dates";

/** A notification has no venue: its time is shown in the platform's home zone, the same for every reader and render. */
const NOTIFICATION_TIMEZONE = "Africa/Casablanca";

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  actorName: string | null;
  excerpt: string | null;
  read: boolean;
  createdAt: string;
}

export function NotificationItem({ notification, language }: { notification: NotificationView; language: Language }) {
  const { t } = useTranslation("notifications");
  const sentence = t(`items.${notification.kind}`, {
    title: isolate(notification.title),
    actor: isolate(notification.actorName ?? t("someone")),
  });
  return (
    <li className={notification.read ? "notification-item" : "notification-item notification-item--unread"}>
      <p className="notification-item__text">
        {notification.read ? null : <span className="badge badge--warn">{t("unread")}</span>}{" "}
        <Link to={`/notifications/${notification.id}`}>{sentence}</Link>
      </p>
      {notification.excerpt ? (
        <blockquote className="notification-item__excerpt" dir="auto">
          {notification.excerpt}
        </blockquote>
      ) : null}
      <p className="muted notification-item__when">
        <time dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt, NOTIFICATION_TIMEZONE, language, { dateStyle: "medium", timeStyle: "short" })}
        </time>
      </p>
    </li>
  );
}
