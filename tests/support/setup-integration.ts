import { inject } from "vitest";

// Every integration test file talks to the run's fresh database through the app's own client.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_SIZE ??= "20";
