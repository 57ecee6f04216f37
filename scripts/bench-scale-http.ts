// HTTP for bench:scale: requests as a signed-in user (a Session row's token as the cookie), to
// one instance or round-robin over all of them.
import type { Instance } from "./bench-scale-servers";

export type Answer = { status: number; body: Record<string, unknown> | null; text: string };

const COOKIE = "nerava.session";

export async function call(
  instance: Instance,
  method: "GET" | "POST",
  path: string,
  session?: string,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(new URL(path, instance.base), {
    method,
    headers: {
      ...(session ? { cookie: `${COOKIE}=${session}` } : {}),
      // each instance's own origin (its NEXTAUTH_URL): the app refuses cross-origin POSTs
      ...(method === "POST" ? { origin: instance.base.origin, "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> | null = null;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: kept as text for the error sample
  }
  return { status: res.status, body: parsed, text: text.slice(0, 300) };
}

/** Runs `tasks` with at most `clients` in flight at once, in order of start. */
export async function pool<T>(clients: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(clients, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

export type Check = { name: string; pass: boolean; detail: string[] };

export function printCheck(check: Check): void {
  console.log(`${check.pass ? "PASS" : "FAIL"} ${check.name}`);
  for (const line of check.detail) console.log(`     ${line}`);
}
