import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { Prisma, queryRows } from "@/lib/db";
import { createDb, db, poolOf, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { findSession } from "@/lib/auth/sessions";
import { createUser, signedIn, testDb } from "../support/factories";

// queryRows (lib/db/raw.ts) sends a statement straight to the pool Prisma uses. Prisma keeps
// DateTime as a zoneless `timestamp` in UTC; these hold whatever zone the server process runs in.

afterAll(() => testDb.$disconnect());
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("raw statements on the shared pool", () => {
  for (const tz of ["UTC", "Asia/Kolkata", "America/Los_Angeles"]) {
    it(`read and write a timestamp as Prisma does, in ${tz}`, async () => {
      process.env.TZ = tz;
      const user = await createUser();
      const s = await signedIn(user.id);
      const expires = new Date(Date.UTC(2031, 4, 6, 7, 8, 9, 123));
      await testDb.session.update({ where: { id: s.sessionId }, data: { expires } });
      const [read] = await queryRows<{ expires: Date }>(
        Prisma.sql`SELECT "expires" FROM "Session" WHERE "id" = ${s.sessionId}`,
      );
      expect(read.expires.toISOString()).toBe(expires.toISOString());
      // a Date parameter compares against the stored UTC time, to the millisecond
      const [cmp] = await queryRows<{ before: boolean; equal: boolean }>(
        Prisma.sql`SELECT "expires" > ${new Date(expires.getTime() - 1)} AS "before",
                          "expires" = ${expires} AS "equal" FROM "Session" WHERE "id" = ${s.sessionId}`,
      );
      expect(cmp).toEqual({ before: true, equal: true });
    });
  }

  it("a session a second from its end is live in any zone, and a second past it is not", async () => {
    process.env.TZ = "Asia/Kolkata";
    const s = await signedIn((await createUser()).id);
    await testDb.session.update({ where: { id: s.sessionId }, data: { expires: new Date(Date.now() + 1500) } });
    expect(await findSession(s.sessionToken)).not.toBeNull();
    await testDb.session.update({ where: { id: s.sessionId }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await findSession(s.sessionToken)).toBeNull();
  });

  it("a second copy of the db module (the production bundle holds one per chunk group) finds the same pool", async () => {
    const pool = poolOf(db());
    vi.resetModules();
    const copy = await import("@/lib/db/client");
    expect(copy.poolOf !== poolOf, "a fresh module instance").toBe(true);
    expect(copy.poolOf(copy.db())).toBe(pool);
  });

  it("a statement is prepared under a name of its own text, and runs again with other values", async () => {
    // the statement that reads the connection's prepared statements was prepared before it ran
    const listed = () =>
      queryRows<{ name: string; statement: string }>(
        Prisma.sql`SELECT "name", "statement" FROM pg_prepared_statements WHERE "statement" LIKE ${"%pg_prepared_statements%"}`,
      );
    const [self] = await listed();
    expect(self.name).toMatch(/^nerava_[0-9a-f]{32}$/);
    expect((await listed())[0].name).toBe(self.name);
    // one text, many values; another text, another name
    const echo = (n: number) => queryRows<{ n: number }>(Prisma.sql`SELECT ${n}::int AS "n"`);
    for (const n of [1, 2, 3, 40, 500]) expect(await echo(n)).toEqual([{ n }]);
    const [twice] = await queryRows<{ n: number; name: string }>(
      Prisma.sql`SELECT ${7}::int * 2 AS "n", (SELECT "name" FROM pg_prepared_statements WHERE "statement" LIKE ${"%* 2 AS%"}) AS "name"`,
    );
    expect(twice.n).toBe(14);
    expect(twice.name).toMatch(/^nerava_/);
    expect(twice.name).not.toBe(self.name);
  });
});

describe("raw statements on embedded PGlite (the newcomer's default database)", () => {
  it(
    "work on a pool whose connections share one session, where prepared names would collide",
    // starting PGlite (WASM) took over a minute under CI, beside the build and two browsers
    { timeout: process.env.CI ? 180_000 : 60_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "nerava-raw-pglite-"));
      const server = await startEmbeddedPostgres({ dataDir, port: 0 });
      const g = globalThis as unknown as { nervaDb?: Db };
      const previous = g.nervaDb;
      const client = createDb(server.url, 3);
      g.nervaDb = client;
      try {
        // several connections at once, the same texts: the second to prepare a name met the first's
        const echo = (n: number) => queryRows<{ n: number }>(Prisma.sql`SELECT ${n}::int AS "n"`);
        const twice = (n: number) => queryRows<{ n: number }>(Prisma.sql`SELECT ${n}::int * 2 AS "n"`);
        for (let round = 0; round < 3; round++) {
          const got = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => (n % 2 ? echo(n) : twice(n))));
          expect(got).toEqual([1, 2, 3, 4, 5, 6].map((n) => [{ n: n % 2 ? n : n * 2 }]));
        }
      } finally {
        g.nervaDb = previous;
        await client.$disconnect();
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
