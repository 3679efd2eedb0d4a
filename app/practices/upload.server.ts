import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { ATTACHMENT_MAX_BYTES } from "./attachment-rules";

/** Room for the form's other fields and the multipart boundaries around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const BODY_MAX_BYTES = ATTACHMENT_MAX_BYTES + ENVELOPE_BYTES;
/** How much of a refused upload is still read (and thrown away) so that the sender gets the answer, not a reset. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

export type UploadRead = { ok: true; fields: FormData; file: File | null } | { ok: false; reason: "tooBig" | "notMultipart" };

/**
 * Reads an upload form (one file in the field `file`) into memory, never more than ATTACHMENT_MAX_BYTES of file: a
 * larger one is refused as soon as that is known (from Content-Length, or while the request streams in), and
 * further files or unknown fields in the same request are skipped.
 */
export async function readUpload(request: Request, textFields: readonly string[]): Promise<UploadRead> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data") || !request.body) return { ok: false, reason: "notMultipart" };
  if (Number(request.headers.get("Content-Length") ?? 0) > BODY_MAX_BYTES) return { ok: false, reason: "tooBig" };
  const body = await readBody(request.body);
  if (!body) return { ok: false, reason: "tooBig" };
  const inMemory = unstable_createMemoryUploadHandler({ maxPartSize: ATTACHMENT_MAX_BYTES });
  let files = 0;
  const handler: UploadHandler = async (part) => {
    if (part.filename !== undefined) {
      files += 1;
      if (part.name !== "file" || files > 1) return undefined;
    } else if (!textFields.includes(part.name)) {
      return undefined;
    }
    return inMemory(part);
  };
  try {
    const fields = await unstable_parseMultipartFormData(new Request(request.url, { method: "POST", headers: request.headers, body }), handler);
    const file = fields.get("file");
    // A form sent with no file chosen has a file part with an empty name and no bytes.
    return { ok: true, fields, file: file instanceof File && (file.size > 0 || file.name !== "") ? file : null };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, reason: "tooBig" };
    if (error instanceof TypeError || (error instanceof Error && error.message.startsWith("malformed multipart"))) return { ok: false, reason: "notMultipart" };
    throw error;
  }
}

/** The whole request body, or null (after reading and dropping the rest of it) when it is larger than an upload can be. */
async function readBody(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Uint8Array(Buffer.concat(chunks));
    size += value.byteLength;
    if (size > BODY_MAX_BYTES) break;
    chunks.push(value);
  }
  while (size <= DRAIN_MAX_BYTES) {
    const { done, value } = await reader.read();
    if (done) return null;
    size += value.byteLength;
  }
  await reader.cancel();
  return null;
}
