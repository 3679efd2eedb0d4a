import { useTranslation } from "react-i18next";
import type { LiveErrorCode } from "~/live/protocol";

/** Why a live request was refused, in the reader's language, announced at once. */
export function LiveErrorMessage({ error }: { error: LiveErrorCode | null }) {
  const { t } = useTranslation("live");
  if (!error) return null;
  return (
    <p className="alert alert--error" role="alert">
      {t(`errors.${error}`)}
    </p>
  );
}
