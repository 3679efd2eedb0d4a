import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

interface CopyLinkProps {
  id: string;
  label: string;
  url: string;
}

/**
 * A link to hand over: shown in a read-only field (selectable without JavaScript) with a copy button. The
 * clipboard API only exists on HTTPS and localhost, so on a venue's plain-HTTP network it falls back to
 * selecting the text and the older copy command.
 */
export function CopyLink({ id, label, url }: CopyLinkProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      input.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-link">
        <input ref={input} id={id} type="url" value={url} readOnly dir="ltr" onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button" onClick={copy}>
          <span aria-live="polite">{copied ? t("actions.copied") : t("actions.copy")}</span>
        </button>
      </div>
    </div>
  );
}
