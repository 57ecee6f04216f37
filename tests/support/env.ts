// Concurrency claims are only meaningful on a real PostgreSQL server: PGlite has one
// session, so advisory locks and isolation levels prove nothing there.
export const onPostgresServer = Boolean(process.env.TEST_DATABASE_URL);
