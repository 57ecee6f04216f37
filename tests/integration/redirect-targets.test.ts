import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser, signedIn, testDb, uid } from "../support/factories";

// Server actions and pages read the request from next/headers; stand in a browser's, and keep the
// cookies the code sets.
const request = { cookie: "", headers: new Headers(), set: [] as Array<{ name: string; value: string }> };
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookie && name === "nerava.session" ? { name, value: request.cookie } : undefined),
    set: (name: string, value: string) => void request.set.push({ name, value }),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

process.env.TRUSTED_PROXY_HOPS = "1";
const { signInAction } = await import("@/lib/actions/auth/sign-in");
const { default: continuePage } = await import("@/app/auth/continue/page");

afterAll(() => testDb.$disconnect());
beforeEach(() => {
  request.cookie = "";
  request.set = [];
  // each test its own address behind one proxy: shared Redis keeps sign-in limits across runs
  request.headers = new Headers({ "user-agent": "vitest", "x-forwarded-for": `2001:db8::${uid().slice(0, 4)}` });
});

const PASSWORD = "correct horse battery staple";
// Control characters (`/\t/evil.example`, CR/LF) are refused as input by the action wrapper; below.
const HOSTILE = ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"];

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

/** Runs a server action or page that ends in redirect(); answers where it sent the browser. */
async function redirectedTo(run: () => Promise<unknown>): Promise<{ location?: string; result?: unknown }> {
  try {
    return { result: await run() };
  } catch (err) {
    const digest = (err as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw err;
    return { location: digest.split(";")[2] };
  }
}

describe("sign-in redirect targets", () => {
  it("a target that leaves the origin lands the person on their home instead", async () => {
    for (const target of HOSTILE) {
      const user = await createUser({ password: PASSWORD });
      const out = await redirectedTo(() =>
        signInAction(null, form({ email: user.email!, password: PASSWORD, callbackUrl: target })),
      );
      expect(out.location, JSON.stringify(target)).toBe("/app");
    }
  });

  it("a same-origin target is kept", async () => {
    const user = await createUser({ password: PASSWORD });
    const out = await redirectedTo(() =>
      signInAction(null, form({ email: user.email!, password: PASSWORD, callbackUrl: "/app/wallet?tab=nova" })),
    );
    expect(out.location).toBe("/app/wallet?tab=nova");
  });

  it("CR/LF in the target is refused before sign-in: a 4xx, no session row, no cookie", async () => {
    const user = await createUser({ password: PASSWORD });
    for (const target of [`/\r\n/x-${uid()}`, "/\t/evil.example"]) {
      const out = await redirectedTo(() =>
        signInAction(null, form({ email: user.email!, password: PASSWORD, callbackUrl: target })),
      );
      expect(out.result).toMatchObject({
        ok: false,
        error: { code: "invalid_input", fields: { callbackUrl: expect.any(String) } },
      });
    }
    expect(await testDb.session.count({ where: { userId: user.id } })).toBe(0);
    expect(request.set).toEqual([]);
  });
});

describe("/auth/continue", () => {
  it("sends a signed-in person on to a same-origin path only", async () => {
    const driver = await signedIn((await createUser()).id);
    request.cookie = driver.sessionToken;
    const go = (to: string) => redirectedTo(() => continuePage({ searchParams: Promise.resolve({ to }) }));
    for (const to of [...HOSTILE, "/\t/evil.example", "/\r\n/x"])
      expect((await go(to)).location, JSON.stringify(to)).toBe("/app");
    expect((await go("/app/codes")).location).toBe("/app/codes");
  });
});
