/** What may be attached to a practice, and how much (checked on upload by attachments.server.ts). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_PRACTICE = 10;

export const TEXT = "text";
export const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  csv: TEXT,
  txt: TEXT,
};
export const TEXT_CONTENT_TYPES: Record<string, string> = { csv: "text/csv; charset=utf-8", txt: "text/plain; charset=utf-8" };

/** For the file input's `accept`: the browser offers these first, the server still checks every file. */
export const ACCEPTED_EXTENSIONS = Object.keys(TYPES).map((extension) => `.${extension}`).join(",");


/** Which of the accepted kinds a stored content type is ("docx", "csv"…), to name it to readers; "other" if none. */
export function fileKind(contentType: string): string {
  const base = contentType.split(";")[0].trim();
  const text = Object.entries(TEXT_CONTENT_TYPES).find(([, type]) => type.split(";")[0] === base);
  return text?.[0] ?? Object.entries(TYPES).find(([, type]) => type === base)?.[0] ?? "other";
}
