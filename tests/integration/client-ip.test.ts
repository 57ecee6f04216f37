import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { installPeerAddressStamp, PEER_ADDRESS_HEADER } from "@/lib/auth/peer-address";
import { limiterFor } from "@/lib/rate-limit/limiter";
import { randomPhone, testDb, uid } from "../support/factories";

// Server actions read the request from next/headers: stand in a browser's.
const browser = { headers: new Headers() };
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { sendCodeAction } = await import("@/lib/actions/auth/send-code");
const { signUpAction } = await import("@/lib/actions/auth/sign-up");

installPeerAddressStamp(); // what instrumentation.ts does in the server process

// With REDIS_URL the limiter's commands fail over to an in-process count until the connection is
// ready, which would split the count in two: wait for it, so the test measures the policy.
const shared = globalThis as { nervaRedis?: Redis };
beforeAll(async () => {
  limiterFor("warm-up", { points: 1, durationSeconds: 1 });
  const redis = shared.nervaRedis;
  if (redis && redis.status !== "ready") await new Promise((ready) => redis.once("ready", ready));
});
afterAll(async () => {
  await shared.nervaRedis?.quit();
  await testDb.$disconnect();
});

// One client per test on a fresh documentation address (shared Redis keeps limits across runs).
let peer = "";
beforeEach(() => {
  peer = `2001:db8::${uid().slice(0, 4)}:${uid().slice(0, 4)}`;
});
/** The next request from the same socket, claiming a new address in X-Forwarded-For each time. */
function fromSameSocket(i: number) {
  browser.headers = new Headers({
    [PEER_ADDRESS_HEADER]: peer,
    "x-forwarded-for": `203.0.113.${i % 250}, 198.51.100.${(i * 7) % 250}`,
    "x-real-ip": `192.0.2.${i % 250}`,
    "user-agent": "vitest",
  });
}
function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe("the peer address stamp", () => {
  it("overwrites a client's copy of the header with the socket's address", async () => {
    let seen: IncomingHttpHeaders = {};
    const server = createServer((req, res) => ((seen = req.headers), res.end()));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.67" },
    });
    await new Promise((r) => server.close(r));
    expect(seen[PEER_ADDRESS_HEADER]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen["x-forwarded-for"]).toBe("203.0.113.67");
  });
});

describe("per-IP limits with no trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
  it("rotating X-Forwarded-For does not reset the SMS send limit (5 a minute), even to new numbers", async () => {
    const results = [];
    for (let i = 0; i < 7; i++) {
      fromSameSocket(i);
      const phone = randomPhone();
      results.push(await sendCodeAction(null, form({ phone })));
    }
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    for (const refused of results.slice(5))
      expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited" } });
  });

  it("rotating X-Forwarded-For does not reset the sign-up limit (10 an hour); records carry the socket's address", async () => {
    const outcomes = [];
    for (let i = 0; i < 11; i++) {
      fromSameSocket(i);
      const email = `rotating-${uid()}@test.local`;
      const result = await signUpAction(null, form({ name: "Rotating", email, password: "long enough password" }))
        .then((r) => r)
        .catch((err: { digest?: string }) => {
          if (!err.digest?.startsWith("NEXT_REDIRECT")) throw err;
          return { ok: true as const, data: undefined };
        });
      outcomes.push({ email, result });
    }
    expect(outcomes.slice(0, 10).every((o) => o.result.ok)).toBe(true);
    expect(outcomes[10].result).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(await testDb.user.count({ where: { email: outcomes[10].email } })).toBe(0);

    const first = await testDb.user.findUniqueOrThrow({ where: { email: outcomes[0].email } });
    expect(await testDb.session.findFirst({ where: { userId: first.id } })).toMatchObject({ ip: peer });
    expect(await testDb.auditLog.findFirst({ where: { actorId: first.id, action: "auth.sign_up" } })).toMatchObject({
      ip: peer,
    });
  });
});
