import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";

// The embedded database (npm run dev's default) serves every connection from one PGlite session.
// Concurrent parameterized queries on many connections must each get their own answer: before
// lib/db/embedded-batches.ts, one connection's Bind met another's Parse (08P01, or wrong rows).
let server: EmbeddedServer;
let pool: pg.Pool;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nerava-embedded-"));

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir, port: 0 });
  pool = new pg.Pool({ connectionString: server.url, max: 10 });
}, 60_000);
afterAll(async () => {
  await pool.end();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("answers 400 concurrent queries of different shapes on 10 connections, each with its own values", async () => {
  const shapes = [
    (i: number) => ({ text: "SELECT $1::int AS a", values: [i], expect: { a: i } }),
    (i: number) => ({ text: "SELECT $1::int AS a, $2::text AS b", values: [i, `t${i}`], expect: { a: i, b: `t${i}` } }),
    (i: number) => ({
      text: "SELECT $1::int AS a, $2::text AS b, $3::int + $4::int AS c",
      values: [i, `u${i}`, i, 1],
      expect: { a: i, b: `u${i}`, c: i + 1 },
    }),
  ];
  const runs = Array.from({ length: 400 }, (_, i) => shapes[i % 3](i));
  const results = await Promise.allSettled(runs.map((r) => pool.query(r.text, r.values)));
  const problems = results.flatMap((res, i) =>
    res.status === "rejected"
      ? [`#${i}: ${(res.reason as Error).message}`]
      : JSON.stringify(res.value.rows[0]) === JSON.stringify(runs[i].expect)
        ? []
        : [`#${i}: got ${JSON.stringify(res.value.rows[0])}`],
  );
  expect(problems).toEqual([]);
}, 60_000);

it("keeps a transaction's statements together while other connections query", async () => {
  await pool.query("CREATE TABLE IF NOT EXISTS t (id int primary key, v text)");
  const tx = async (id: number) => {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      await c.query("INSERT INTO t (id, v) VALUES ($1, $2)", [id, `v${id}`]);
      const { rows } = await c.query("SELECT v FROM t WHERE id = $1", [id]);
      await c.query("COMMIT");
      return rows[0].v;
    } finally {
      c.release();
    }
  };
  const out = await Promise.all([
    ...Array.from({ length: 30 }, (_, i) => tx(i)),
    ...Array.from({ length: 60 }, (_, i) => pool.query("SELECT $1::int AS n", [i]).then((r) => r.rows[0].n)),
  ]);
  expect(out.slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, i) => `v${i}`));
  expect(out.slice(30)).toEqual(Array.from({ length: 60 }, (_, i) => i));
}, 60_000);
