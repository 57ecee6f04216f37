import { inject } from "vitest";
import { workerDatabaseUrl } from "./test-database";

// Every integration test file talks to its worker's copy of the run's database through the app's
// own client (files of one worker share it, one after another, as the whole run once did).
process.env.DATABASE_URL = await workerDatabaseUrl(inject("runDatabase"));
process.env.DATABASE_POOL_SIZE ??= "20";
