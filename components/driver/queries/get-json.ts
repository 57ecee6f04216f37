/** A refused or failed JSON request, with its status (4xx: asking again will not help). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The message is the route's own sentence (safe to show), not our stand-in. */
    readonly fromServer = false,
  ) {
    super(message);
  }
}

/** GET one of our JSON routes; throws HttpError with the route's safe message when it is not 2xx. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store", signal });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    const said = body?.error?.message || undefined;
    throw new HttpError(res.status, said ?? `Request failed (${res.status})`, said !== undefined);
  }
  return (await res.json()) as T;
}
