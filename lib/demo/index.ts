// Demo accounts for the landing page and the sign-in hint (development only). The seed itself is
// run by scripts and tests, which import lib/demo/seed directly.
export * from "./accounts";
