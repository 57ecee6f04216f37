import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { createDb } from "@/lib/db/client";

// One client for factories in a test file; each record gets a random id so files never collide.
export const testDb = createDb(process.env.DATABASE_URL, 4);

export const uid = () => randomUUID().slice(0, 8);
/**
 * A US mobile number (+1 512 and seven digits, 8 million of them) that no other test is likely to
 * hold: a number's users are unique per database and its SMS limits stay in Redis for an hour, across
 * runs, so the 10,000 numbers of 555-xxxx made an earlier run's or file's number a real chance.
 */
export const randomPhone = () =>
  `+1512${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;

export async function createUser(
  opts: { role?: "DRIVER" | "MERCHANT" | "ADMIN"; password?: string; email?: string; phone?: string } = {},
) {
  return testDb.user.create({
    data: {
      email: opts.email ?? (opts.phone ? undefined : `user-${uid()}@test.local`),
      phone: opts.phone,
      name: `Test ${uid()}`,
      role: opts.role ?? "DRIVER",
      passwordHash: opts.password ? await hash(opts.password) : undefined,
    },
  });
}

export async function createMerchant(ownerId?: string) {
  return testDb.merchant.create({
    data: {
      slug: `m-${uid()}`,
      name: `Merchant ${uid()}`,
      category: "Coffee",
      address: "1 Test St",
      latitude: 30.3,
      longitude: -97.7,
      qrToken: uid() + uid(),
      status: "ACTIVE",
      members: ownerId ? { create: { userId: ownerId, role: "OWNER" } } : undefined,
      offers: { create: [{ title: "Test coffee", description: "A coffee", novaPrice: 100 }] },
    },
  });
}

/** A live session row and the cookie header a browser would send with it. */
export async function signedIn(userId: string) {
  const sessionToken = `tok-${uid()}${uid()}${uid()}`;
  const session = await testDb.session.create({
    data: { sessionToken, userId, expires: new Date(Date.now() + 3600_000) },
  });
  return { sessionId: session.id, sessionToken, cookie: `nerava.session=${sessionToken}` };
}

/** Request metadata as a browser on its own random address would produce. */
export function fakeMeta() {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return {
    ip: `198.51.${n()}.${n()}`,
    userAgent: "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile",
    requestId: `test-${uid()}-req`,
  };
}

/** Who is asking, for domain functions that take the actor. */
export const actorFor = (user: { id: string; role: "DRIVER" | "MERCHANT" | "ADMIN" }) => ({
  userId: user.id,
  role: user.role,
});
export const asAdmin = (userId: string) => ({ userId, role: "ADMIN" as const });
export const asDriver = (userId: string) => ({ userId, role: "DRIVER" as const });
export const asMerchant = (userId: string) => ({ userId, role: "MERCHANT" as const });
