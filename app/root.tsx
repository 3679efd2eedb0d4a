import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import { ZoneTablesScript } from "~/components/zone-tables-script";
import { useMemo } from "react";
import { I18nextProvider } from "react-i18next";
import { AppHeader } from "~/components/app-header";
import { ErrorPage } from "~/components/error-page";
import { getUser } from "~/auth/session.server";
import { DEFAULT_LANGUAGE, textDirection, type Language } from "~/i18n/config";
import { createI18n } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/locale.server";
import { countUnreadNotifications } from "~/models/notifications.server";
import { saveUserLanguage } from "~/models/user.server";
import stylesUrl from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Majlis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const { language, chosen } = await resolveLanguage(request, user?.locale);
  if (user && chosen && chosen !== user.locale) await saveUserLanguage({ userId: user.id, language: chosen });
  const unreadNotifications = user ? await countUnreadNotifications({ user }) : 0;
  return json({ language, user: user ? { id: user.id, name: user.name } : null, unreadNotifications });
}

export type RootData = ReturnType<typeof useRootData>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const language: Language = data?.language ?? DEFAULT_LANGUAGE;
  const i18n = useMemo(() => createI18n(language), [language]);
  // Pages for the room's projector take the whole screen.
  const fullScreen = useMatches().some((match) => (match.handle as { fullScreen?: boolean } | undefined)?.fullScreen);
  return (
    <html lang={language} dir={textDirection(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          {fullScreen ? null : <AppHeader user={data?.user ?? null} language={language} unreadNotifications={data?.unreadNotifications ?? 0} />}
          <main id="main" className={fullScreen ? "page page--full-screen" : "page"}>
            {children}
          </main>
        </I18nextProvider>
        <ScrollRestoration />
        <ZoneTablesScript />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
