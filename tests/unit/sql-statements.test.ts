import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "@/lib/db/sql-statements";

describe("splitSqlStatements", () => {
  it("splits at statement ends and drops comment-only pieces", () => {
    expect(splitSqlStatements(`-- note\nCREATE TABLE "A" (id int);\n\n-- tail\nDROP TABLE "B";\n-- end\n`)).toEqual([
      `-- note\nCREATE TABLE "A" (id int)`,
      `-- tail\nDROP TABLE "B"`,
    ]);
  });

  it("keeps a plpgsql body in dollar quotes whole", () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM 1;\n  RETURN NULL;\nEND $$`;
    const tagged = `DO $body$ BEGIN RAISE NOTICE 'a;b'; END $body$`;
    expect(splitSqlStatements(`${fn};\n${tagged};\nSELECT 1;`)).toEqual([fn, tagged, "SELECT 1"]);
  });

  it("ignores semicolons in strings, quoted identifiers and comments", () => {
    const s = `INSERT INTO "x;y" VALUES ('it''s; fine') /* a; b */`;
    expect(splitSqlStatements(`${s};SELECT 2 -- c; d\n;`)).toEqual([s, "SELECT 2 -- c; d"]);
  });

  it("treats $1 parameters and dollar signs in names as ordinary text", () => {
    expect(splitSqlStatements(`SELECT $1; SELECT a$b FROM t;`)).toEqual(["SELECT $1", "SELECT a$b FROM t"]);
  });
});
