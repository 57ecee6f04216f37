import pg from "pg";
import { afterAll, inject } from "vitest";
import { workerDatabaseUrl } from "./test-database";

// Every integration test file talks to its worker's copy of the run's database through the app's
// own client (files of one worker share it, one after another, as the whole run once did).
process.env.DATABASE_URL = await workerDatabaseUrl(inject("runDatabase"));
process.env.DATABASE_POOL_SIZE ??= "20";

// A campaign a file leaves live would pay (or announce to) the next file's drivers: a program-wide
// "2× Nova at night" made one statement test see three bonuses instead of two. Each file's live
// campaigns end with it, so files never reward each other.
afterAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE "Campaign" SET "status" = 'ENDED', "updatedAt" = now() WHERE "status" <> 'ENDED'`);
  } finally {
    await client.end();
  }
});
