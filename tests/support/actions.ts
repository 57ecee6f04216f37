import { expect } from "vitest";

// Server actions read the session and the request from next/headers. A test file mocks that
// module with `browser` (see mockNextHeaders) and sets `browser.cookie` to act as someone.
export const browser = {
  cookie: "",
  headers: new Headers({ "x-forwarded-for": "192.0.2.10", "user-agent": "vitest" }),
  set: {} as Record<string, string>,
};

/** The next/headers stand-in: the session cookie from `browser`, cookies set by actions recorded. */
export const nextHeadersMock = () => ({
  headers: async () => browser.headers,
  cookies: async () => ({
    get: (name: string) =>
      browser.cookie && name === "nerava.session"
        ? { name, value: browser.cookie }
        : name in browser.set
          ? { name, value: browser.set[name] }
          : undefined,
    set: (name: string, value: string) => {
      browser.set[name] = value;
    },
  }),
});

export function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

/** Acts as the holder of this session token (empty: signed out). */
export function actAs(sessionToken: string) {
  browser.cookie = sessionToken;
  browser.set = {};
}

type Action = (prev: unknown, fd: FormData) => Promise<unknown>;

/** Runs an action; redirect() and notFound() come back as what they are instead of throwing. */
export async function run(action: Action, fields: Record<string, string>): Promise<unknown> {
  try {
    return await action(null, form(fields));
  } catch (err) {
    const digest = (err as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw err;
  }
}

export const refusedWith = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });
