import { useTranslation } from "react-i18next";
import type { PracticeStatus, Visibility } from "~/generated/prisma/enums";
import { DEFAULT_LANGUAGE, INTL_LOCALE } from "~/i18n/config";
import { fileKind } from "~/practices/attachment-rules";
import { useRootData } from "~/root";

const TONE: Partial<Record<PracticeStatus, string>> = {
  DRAFT: "badge--muted",
  PENDING: "badge--warn",
  REJECTED: "badge--warn",
};

export function PracticeStatusBadge({ status }: { status: PracticeStatus }) {
  const { t } = useTranslation("practices");
  return <span className={`badge ${TONE[status] ?? ""}`.trim()}>{t(`statuses.${status}`)}</span>;
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation("practices");
  return <span className="badge badge--muted">{t(`visibilities.${visibility}`)}</span>;
}

/** "Document Word · 1,2 Mo": what a file is and how big, in the reader's language. */
export function useFileDescription() {
  const { t } = useTranslation("practices");
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (file: { contentType: string; size: number }) => {
    const type = t(`attachments.types.${fileKind(file.contentType)}`);
    return `${type} · ${formatFileSize(file.size, INTL_LOCALE[language])}`;
  };
}

export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "megabyte"] : [Math.max(bytes / 1024, 0.1), "kilobyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}
