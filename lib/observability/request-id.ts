export const REQUEST_ID_HEADER = "x-request-id";

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's id when it is well-formed (so traces join up), otherwise makes one. */
export function ensureRequestId(incoming: string | null | undefined): string {
  return incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
}
