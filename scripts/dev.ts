// `npm run dev`: with no DATABASE_URL, serve embedded PostgreSQL (PGlite in ./.data),
// migrate and seed it, then run `next dev` against it. With DATABASE_URL, just `next dev`.
import { spawn } from "node:child_process";
import path from "node:path";
import { createDb } from "../lib/db/client";
import { EMBEDDED_PORT, isPortOpen, startEmbeddedPostgres, type EmbeddedServer } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/schema-engine";
import { DEMO_ACCOUNTS } from "../lib/demo/accounts";
import { seedDemoData } from "../lib/demo/seed";
import { startSandboxIssuer } from "../lib/integrations/google/sandbox-issuer";
import { startSquareSandbox } from "../lib/integrations/square/sandbox/server";
import { startStripeSandbox } from "../lib/integrations/stripe/sandbox/server";
import { printDemoAccounts } from "./print-demo-accounts";

process.env.NEXT_TELEMETRY_DISABLED = "1";
let embedded: EmbeddedServer | undefined;

if (!process.env.DATABASE_URL) {
  if (await isPortOpen(EMBEDDED_PORT)) {
    console.error(
      `Port ${EMBEDDED_PORT} is in use: is another \`npm run dev\` running? Set EMBEDDED_DB_PORT to use another.`,
    );
    process.exit(1);
  }
  console.log("No DATABASE_URL: starting embedded PostgreSQL in ./.data (first start takes a few seconds)…");
  embedded = await startEmbeddedPostgres();
  const { applied } = await applyMigrations({
    databaseUrl: embedded.url,
    migrationsDir: path.resolve("prisma/migrations"),
  });
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = createDb(embedded.url, 2);
  if ((await db.user.count()) === 0) {
    const counts = await seedDemoData(db);
    console.log(`Seeded demo data: ${counts.chargers} chargers, ${counts.merchants} merchants.`);
  }
  await db.$disconnect();
  process.env.DATABASE_URL = embedded.url;
  printDemoAccounts();
}

// Sandbox Google: a local OpenID issuer the real next-auth Google provider signs in against.
let closeIssuer: (() => Promise<void>) | undefined;
if (!process.env.GOOGLE_CLIENT_ID) {
  const issuer = await startSandboxIssuer({
    clientId: "sandbox-google-client",
    clientSecret: "sandbox-google-secret",
    accounts: DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name })),
  });
  closeIssuer = issuer.close;
  Object.assign(process.env, {
    GOOGLE_CLIENT_ID: "sandbox-google-client",
    GOOGLE_CLIENT_SECRET: "sandbox-google-secret",
    GOOGLE_ISSUER: issuer.issuer,
  });
  console.log(
    `Sandbox Google sign-in at ${issuer.issuer}; sandbox email and SMS at http://localhost:${process.env.PORT ?? "3000"}/dev/outbox`,
  );
}

// Sandbox Stripe: a local Stripe the real stripe SDK talks to. Its setup page stands in for Stripe's
// onboarding; payouts settle after a few seconds (to the test account 000111111116 they fail) and
// its webhooks come back to the app like Stripe's. State survives restarts in ./.data.
let closeStripe: (() => Promise<void>) | undefined;
if (!process.env.STRIPE_SECRET_KEY) {
  const appOrigin = `http://localhost:${process.env.PORT ?? "3000"}`;
  const secrets = { platform: "whsec_sandbox_platform", connect: "whsec_sandbox_connect" };
  const stripe = await startStripeSandbox({
    port: Number(process.env.STRIPE_SANDBOX_PORT ?? 54330),
    secretKey: "sk_test_sandbox",
    settle: { mode: "auto", afterMs: 5_000 },
    stateFile: path.resolve(".data/stripe-sandbox.json"),
    platformWebhook: { url: `${appOrigin}/api/webhooks/stripe`, secret: secrets.platform },
    connectWebhook: { url: `${appOrigin}/api/webhooks/stripe/connect`, secret: secrets.connect },
  });
  closeStripe = stripe.close;
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_sandbox",
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: secrets.platform,
    STRIPE_CONNECT_WEBHOOK_SECRET: secrets.connect,
  });
  console.log(`Sandbox Stripe at ${stripe.url}: cash-out pays in ~5 s; bank account 000111111116 fails.`);
}

// Sandbox Square: a local Square the real square SDK talks to. Its consent page stands in for
// Square's (Allow makes a pretend seller with one Austin location); its webhooks come back to the
// app signed like Square's. State survives restarts in ./.data.
let closeSquare: (() => Promise<void>) | undefined;
if (!process.env.SQUARE_APPLICATION_ID) {
  const appOrigin = `http://localhost:${process.env.PORT ?? "3000"}`;
  const app = {
    id: "sandbox-sq0idb-nerava",
    secret: "sandbox-sq0csb-nerava-secret",
    signatureKey: "sandbox-square-signature-key",
  };
  const webhookUrl = `${appOrigin}/api/webhooks/square`;
  const square = await startSquareSandbox({
    port: Number(process.env.SQUARE_SANDBOX_PORT ?? 54331),
    applicationId: app.id,
    applicationSecret: app.secret,
    redirectUrl: `${process.env.NEXTAUTH_URL ?? appOrigin}/api/square/callback`,
    stateFile: path.resolve(".data/square-sandbox.json"),
    webhook: { url: webhookUrl, signatureKey: app.signatureKey, notificationUrl: webhookUrl },
  });
  closeSquare = square.close;
  Object.assign(process.env, {
    SQUARE_APPLICATION_ID: app.id,
    SQUARE_APPLICATION_SECRET: app.secret,
    SQUARE_API_BASE: square.url,
    SQUARE_WEBHOOK_SIGNATURE_KEY: app.signatureKey,
    SQUARE_WEBHOOK_URL: webhookUrl,
  });
  console.log(`Sandbox Square at ${square.url}: Connect on /merchant/square makes a pretend seller.`);
}

const nextBin = path.resolve("node_modules/next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: process.env,
});

async function shutdown(code: number) {
  await closeIssuer?.();
  await closeStripe?.();
  await closeSquare?.();
  await embedded?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => void shutdown(code ?? 0));
