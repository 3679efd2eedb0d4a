import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationBell } from "~/components/notifications/notification-bell";
import { LANGUAGES, type Language } from "~/i18n/config";

interface AppHeaderProps {
  user: { id: string; name: string } | null;
  language: Language;
  /** Unread notifications of the signed-in person (the root loader counts them). */
  unreadNotifications: number;
}

export function AppHeader({ user, language, unreadNotifications }: AppHeaderProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const withLanguage = (lng: Language) => {
    const params = new URLSearchParams(location.search);
    params.set("lng", lng);
    return `${location.pathname}?${params}`;
  };
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <Link to="/" className="app-header__brand">
        <span aria-hidden="true" className="app-header__logo">
          ◆
        </span>
        {t("appName")}
      </Link>
      <nav aria-label={t("nav.mainNavigation")} className="app-header__nav">
        <Link to="/">{t("nav.workshops")}</Link>
        <Link to="/practices">{t("nav.practices")}</Link>
        <Link to="/institutions">{t("institutions:nav")}</Link>
        <Link to="/templates">{t("templates:nav.library")}</Link>
        <Link to="/join">{t("nav.join")}</Link>
      </nav>
      <nav aria-label={t("language.choose")} className="language-switch">
        <ul>
          {LANGUAGES.map((lng) => (
            <li key={lng}>
              <a href={withLanguage(lng)} lang={lng} aria-current={lng === language ? "true" : undefined} hrefLang={lng}>
                {t(`language.${lng}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="app-header__account">
        {user ? (
          <>
            <NotificationBell unread={unreadNotifications} />
            <Link to="/account" className="app-header__user" title={t("nav.account")}>
              {user.name}
            </Link>
            <Form method="post" action="/logout">
              <button type="submit" className="button button--quiet">
                {t("nav.signOut")}
              </button>
            </Form>
          </>
        ) : (
          <Link to="/login" className="button button--quiet">
            {t("nav.signIn")}
          </Link>
        )}
      </div>
    </header>
  );
}
