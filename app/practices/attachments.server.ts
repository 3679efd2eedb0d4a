import { fileTypeFromBuffer } from "file-type";
import { ATTACHMENT_MAX_BYTES, TEXT, TEXT_CONTENT_TYPES, TYPES } from "./attachment-rules";

/**
 * What may be attached to a practice: documents and pictures people exchange between institutions, checked by their
 * content, not by the name or the type the browser claims. A file whose bytes do not match its extension (an HTML
 * page or a program renamed ".pdf") is refused; downloads are then served with the type checked here.
 */
const FILE_NAME_MAX = 150;

export type AttachmentRefusal = "empty" | "tooBig" | "unsupportedType" | "contentMismatch";

/** A name safe to show and to send back: no path, no control or direction characters (which can disguise "fdp.exe"). */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/^[\s.]+|\s+$/g, "");
  if ([...cleaned].length <= FILE_NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : "";
  return [...cleaned.slice(0, cleaned.length - extension.length)].slice(0, FILE_NAME_MAX - extension.length).join("") + extension;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export async function checkAttachment(input: {
  fileName: string;
  bytes: Uint8Array;
}): Promise<{ ok: true; fileName: string; contentType: string } | { ok: false; reason: AttachmentRefusal }> {
  const fileName = cleanFileName(input.fileName);
  const { bytes } = input;
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) return { ok: false, reason: "tooBig" };
  const extension = extensionOf(fileName);
  const expected = TYPES[extension];
  if (!expected) return { ok: false, reason: "unsupportedType" };
  const detected = await fileTypeFromBuffer(bytes);
  if (expected === TEXT) {
    return detected === undefined && isPlainText(bytes)
      ? { ok: true, fileName, contentType: TEXT_CONTENT_TYPES[extension] }
      : { ok: false, reason: "contentMismatch" };
  }
  return detected?.mime === expected ? { ok: true, fileName, contentType: expected } : { ok: false, reason: "contentMismatch" };
}

/**
 * Content-Disposition for a download (RFC 6266 with RFC 5987's `filename*`): an ASCII stand-in for old clients,
 * and the real name, Arabic included, for the others.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\x20-\x7E]/g, "_")
      .replace(/["\\]/g, "_") || "attachment";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
