// The PostgreSQL extensions every PGlite we create must load, so migrations that
// `CREATE EXTENSION` them replay everywhere: the embedded dev/test server, the drift
// check's in-memory shadow database and the test fallback. PostgreSQL servers ship them
// in contrib (`postgresql-contrib`); PGlite bundles them as loadable modules.
// cube + earthdistance back the nearby query (GiST index on ll_to_earth(lat, lng)).
export async function pgliteExtensions() {
  const [{ cube }, { earthdistance }] = await Promise.all([
    import("@electric-sql/pglite/contrib/cube"),
    import("@electric-sql/pglite/contrib/earthdistance"),
  ]);
  return { cube, earthdistance };
}
