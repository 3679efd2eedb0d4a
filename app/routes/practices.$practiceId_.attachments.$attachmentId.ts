import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/session.server";
import { getAttachmentForDownload } from "~/models/practice-attachments.server";
import { attachmentDisposition } from "~/practices/attachments.server";
import { practiceViewerOf } from "~/practices/viewer";
import { notFound } from "~/utils/http.server";

/**
 * A practice's file, for whoever may read the practice (checked on every download: a practice made private again
 * stops serving its files at once). Always a download, with the type checked on upload and no sniffing, so that a
 * file can never run as a page of the site.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = practiceViewerOf(await getUser(request));
  const file =
    (await getAttachmentForDownload({ practiceId: params.practiceId ?? "", attachmentId: params.attachmentId ?? "", viewer })) ?? notFound();
  return new Response(file.data, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName),
      // X-Content-Type-Options: nosniff comes with every response (realtime/http/security-headers.ts).
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // Readable by some people only: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
