import { AppError } from "@/lib/errors";

/** JSON bodies of our own forms and API calls are small; provider events stay well under a megabyte. */
export const JSON_BODY_LIMIT = 64 * 1024;
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `The request body is larger than ${Math.round(limit / 1024)} KB.`);

/**
 * The body as text, refused with 413 past `limit` bytes: a declared Content-Length over the limit
 * is refused before anything is read, and a body without one stops being read at the limit (an
 * unsigned 300 MB upload was once read in full before its signature was checked).
 */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // not awaited: a cloned request's body is a tee, whose cancel waits for the other branch too
      void reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
