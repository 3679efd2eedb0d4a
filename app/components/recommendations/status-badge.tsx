import { useTranslation } from "react-i18next";
import type { RecommendationStatus } from "~/generated/prisma/enums";
import { DEFAULT_LANGUAGE, INTL_LOCALE } from "~/i18n/config";
import { useRootData } from "~/root";

const TONE: Partial<Record<RecommendationStatus, string>> = {
  DRAFT: "badge--muted",
  MERGED: "badge--muted",
  DEFERRED: "badge--warn",
  REJECTED: "badge--warn",
};

export function StatusBadge({ status }: { status: RecommendationStatus }) {
  const { t } = useTranslation("recommendations");
  return <span className={`badge ${TONE[status] ?? ""}`.trim()}>{t(`statuses.${status}`)}</span>;
}

/** A mean agreement such as "4,3 / 5" in the reader's language, or a dash when nobody stated one. */
export function useAgreementText() {
  const { t } = useTranslation("recommendations");
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const format = new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 1 });
  return (agreement: number | null) => (agreement === null ? t("ranking.noAgreement") : t("ranking.agreement", { value: format.format(agreement) }));
}
