// Local ports for the stand-ins serve.ts starts, derived from the app's port so specs (another
// process) can reach them and two runs on one machine do not collide.
const base = Number(process.env.E2E_PORT ?? 3100);

/** The production server the e2e tier runs: Next's standalone output (npm run build copies public/ and static in). */
export const STANDALONE_SERVER = ".next/standalone/server.js";

export const E2E_FAKES = {
  /** The production-start spec's own short-lived standalone server (config refusals, then a clean start). */
  productionTrialPort: base + 90,
  twilioPort: base + 91,
  twilioSid: "AC000000000000000000000000000000e2",
  smtpPort: base + 92,
  googlePort: base + 93,
  /** Smartcar's auth origin; its API origin (which also serves Connect's consent page) is the next port. */
  smartcarPort: base + 94,
  smartcarClientId: "e2e-smartcar-client",
  /** Stripe's API, its setup page and its webhooks' sender (the sandbox server, settling in seconds). */
  stripePort: base + 96,
  /** Square's API, its consent page and its webhooks' sender (the sandbox server). */
  squarePort: base + 97,
  /** APNs's HTTP/2 push API (TLS, demands the pass certificate), receiving pass-update pushes. */
  apnsPort: base + 98,
  /** Google Wallet: its token endpoint and its REST API under /walletobjects/v1 (the fake). */
  googleWalletPort: base + 99,
  googleWalletIssuerId: "3388000000022900001",
  mailDir: `test-results/e2e-mail-${base}`,
  /** The e2e database's URL (migrated and seeded by serve.ts), for specs that start a server of their own. */
  databaseUrlFile: `test-results/e2e-database-${base}.txt`,
  /** Every push the fake APNs receives, one JSON line each, for the specs (another process) to read. */
  apnsLog: `test-results/e2e-apns-${base}.jsonl`,
};
