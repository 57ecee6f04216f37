// Playwright's web server: a fresh migrated and seeded database, local stand-ins for
// Smartcar, Twilio Verify, SMTP and Google (the app reaches them through its real clients), then
// the standalone production server (`node .next/standalone/server.js`). Production runs no sandbox twin of a provider it uses: the
// Google stand-in is the sandbox issuer, so SANDBOX_PROVIDERS names google (and nothing else).
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/schema-engine";
import { seedDemoData } from "../../lib/demo/seed";
import { DEMO_CAMPAIGN_NAME } from "../../lib/demo/night-owl";
import { startSandboxIssuer } from "../../lib/integrations/google/sandbox-issuer";
import { startSquareSandbox } from "../../lib/integrations/square/sandbox/server";
import { startStripeSandbox } from "../../lib/integrations/stripe/sandbox/server";
import { startFakeApns } from "../fakes/apns";
import { makeServiceAccount, startFakeGoogleWallet } from "../fakes/google-wallet";
import { startFakeSmartcar } from "../fakes/smartcar";
import { fakePlace, startFakePlaces } from "../fakes/places";
import { startFakeTwilioVerify } from "../fakes/twilio-verify";
import { startSmtpSink } from "../fakes/smtp-sink";
import { createTestDatabase } from "../support/test-database";
import { makeWalletCerts } from "../support/wallet-certs";
import { E2E_FAKES, STANDALONE_SERVER } from "./fakes-config";
import { seedRiskScenario } from "./risk-scenario";

const port = process.env.E2E_PORT ?? "3100";
const database = await createTestDatabase("nerava_e2e");
await applyMigrations({ databaseUrl: database.url, migrationsDir: path.resolve("prisma/migrations") });
const db = createDb(database.url, 2);
await seedDemoData(db);
await seedRiskScenario(db);
// the demo's off-peak campaign pays 2× between 01:00 and 05:00: paused, so no journey's amounts
// depend on the hour CI happens to run
await db.campaign.updateMany({ where: { name: DEMO_CAMPAIGN_NAME }, data: { status: "PAUSED" } });
await db.$disconnect();
writeFileSync(E2E_FAKES.databaseUrlFile, database.url);

mkdirSync(E2E_FAKES.mailDir, { recursive: true });
const twilio = await startFakeTwilioVerify({
  port: E2E_FAKES.twilioPort,
  accountSid: E2E_FAKES.twilioSid,
  authToken: "e2e-twilio-token",
});
const smtp = await startSmtpSink({ port: E2E_FAKES.smtpPort, dir: E2E_FAKES.mailDir });
// Every car a driver connects is a new one, plugged in and charging at Mueller Town Center (the
// charger the charging journeys check in at), reporting as of each read.
const smartcar = await startFakeSmartcar({
  port: E2E_FAKES.smartcarPort,
  clientId: E2E_FAKES.smartcarClientId,
  clientSecret: "e2e-smartcar-secret",
  redirectUri: `http://127.0.0.1:${port}/api/smartcar/callback`,
  vehicles: [],
  connect: {
    newVehicle: () => ({
      id: randomUUID(),
      make: "Tesla",
      model: "Model 3",
      year: 2023,
      percentRemaining: 0.54,
      range: 264.6,
      isPluggedIn: true,
      state: "CHARGING",
      latitude: 30.3029,
      longitude: -97.7062,
    }),
  },
});
const google = await startSandboxIssuer({
  port: E2E_FAKES.googlePort,
  clientId: "e2e-google-client",
  clientSecret: "e2e-google-secret",
  accounts: [{ email: "driver@nerava.demo", name: "Maya Chen" }],
});

// Stripe: the sandbox server (the same one `npm run dev` runs), settling payouts two seconds after
// they are made and sending its signed webhooks to the app.
const stripeSecrets = { platform: "whsec_e2e_platform", connect: "whsec_e2e_connect" };
const stripe = await startStripeSandbox({
  port: E2E_FAKES.stripePort,
  secretKey: "sk_test_e2e",
  settle: { mode: "auto", afterMs: 2_000 },
  platformWebhook: { url: `http://127.0.0.1:${port}/api/webhooks/stripe`, secret: stripeSecrets.platform },
  connectWebhook: { url: `http://127.0.0.1:${port}/api/webhooks/stripe/connect`, secret: stripeSecrets.connect },
});

// Square: the sandbox server (the same one `npm run dev` runs); its consent page sends the seller
// back to the app's callback and its signed webhooks go to the app's receiver.
const squareApp = { id: "e2e-sq0idb-nerava", secret: "e2e-sq0csb-secret", signatureKey: "e2e-square-signature-key" };
const squareWebhookUrl = `http://127.0.0.1:${port}/api/webhooks/square`;
const square = await startSquareSandbox({
  port: E2E_FAKES.squarePort,
  applicationId: squareApp.id,
  applicationSecret: squareApp.secret,
  redirectUrl: `http://127.0.0.1:${port}/api/square/callback`,
  webhook: { url: squareWebhookUrl, signatureKey: squareApp.signatureKey, notificationUrl: squareWebhookUrl },
});

// Google Places (New): a list of other places beside Mueller for the charger sheet, one named with
// markup (it must show as the characters they are).
const places = await startFakePlaces({ apiKey: "e2e-places-key" });
places.places.push(
  fakePlace("Mueller Lake Park", 30.3005, -97.7058, "park"),
  fakePlace("<img src=x onerror=alert(1)> Taqueria", 30.3021, -97.7049, "restaurant"),
);
// ---- Apple Wallet: throwaway certificates (test CA → WWDR → Pass Type ID signer) and the fake APNs ----
// One block on purpose (the pass and the push work both need it). A year's validity keeps the
// 30-day certificate warning out of the server log.
const wallet = makeWalletCerts({ days: 365 });
const apns = await startFakeApns({
  port: E2E_FAKES.apnsPort,
  key: wallet.apnsServerKey,
  cert: wallet.apnsServerCert,
  ca: wallet.caCert + wallet.wwdrCert,
});
writeFileSync(E2E_FAKES.apnsLog, "");
apns.onPush = (push) =>
  appendFileSync(
    E2E_FAKES.apnsLog,
    `${JSON.stringify({ pushToken: push.pushToken, topic: push.topic, body: push.body })}\n`,
  );
const walletEnv = {
  APPLE_PASS_TYPE_ID: wallet.passTypeIdentifier,
  APPLE_TEAM_ID: wallet.teamIdentifier,
  APPLE_WWDR_CERT: wallet.wwdrCert,
  APPLE_PASS_CERT: wallet.signerCert,
  APPLE_PASS_KEY: wallet.signerKey,
  APNS_URL: apns.url,
  APNS_CA_CERT: wallet.caCert,
};
// ---- end Apple Wallet ----
// Google Wallet: the fake token endpoint and Wallet API, trusting a throwaway service account's key.
const googleWalletAccount = makeServiceAccount();
const googleWallet = await startFakeGoogleWallet({
  port: E2E_FAKES.googleWalletPort,
  serviceAccountPublicKey: googleWalletAccount.publicKey,
  clientEmail: googleWalletAccount.clientEmail,
  issuerId: E2E_FAKES.googleWalletIssuerId,
});
const googleWalletEnv = {
  GOOGLE_WALLET_ISSUER_ID: E2E_FAKES.googleWalletIssuerId,
  GOOGLE_WALLET_SERVICE_ACCOUNT: googleWalletAccount.json(googleWallet.tokenUri),
  GOOGLE_WALLET_API_BASE: googleWallet.apiBase,
};

// The standalone server (next.config.mjs output: "standalone", made ready by scripts/standalone.mjs):
// what the Docker image runs, so every journey also proves the deployed artifact.
const child = spawn(process.execPath, [STANDALONE_SERVER], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    HOSTNAME: "127.0.0.1",
    // in-process limits: Redis-backed ones would carry counts over from earlier runs
    REDIS_URL: "",
    // every journey signs in from 127.0.0.1: the suite would spend one network's allowance
    SIGN_IN_PER_IP_LIMIT: "500",
    // and creates its drivers and businesses from there too (the default is 10 an hour)
    SIGN_UP_PER_IP_LIMIT: "500",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(36).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    METRICS_TOKEN: "e2e-metrics-token",
    // a short phone dwell so the charging journey verifies within the test
    MIN_DWELL_SECONDS: "4",
    // a purchase reward's refund window of 36 seconds: the journey sees it pending, then available
    PURCHASE_REFUND_WINDOW_HOURS: "0.01",
    VERIFY_ACCEPT: "car+phone",
    SMTP_URL: `${smtp.url}?ignoreTLS=true`,
    TWILIO_ACCOUNT_SID: E2E_FAKES.twilioSid,
    TWILIO_AUTH_TOKEN: "e2e-twilio-token",
    TWILIO_VERIFY_SERVICE_SID: "VA00000000000000000000000000000e2e",
    TWILIO_API_BASE: twilio.url,
    GOOGLE_CLIENT_ID: "e2e-google-client",
    GOOGLE_CLIENT_SECRET: "e2e-google-secret",
    GOOGLE_ISSUER: google.issuer,
    SANDBOX_PROVIDERS: "google",
    SMARTCAR_CLIENT_ID: E2E_FAKES.smartcarClientId,
    SMARTCAR_CLIENT_SECRET: "e2e-smartcar-secret",
    SMARTCAR_AUTH_ORIGIN: smartcar.authOrigin,
    SMARTCAR_API_ORIGIN: smartcar.apiOrigin,
    STRIPE_SECRET_KEY: "sk_test_e2e",
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: stripeSecrets.platform,
    STRIPE_CONNECT_WEBHOOK_SECRET: stripeSecrets.connect,
    SQUARE_APPLICATION_ID: squareApp.id,
    SQUARE_APPLICATION_SECRET: squareApp.secret,
    SQUARE_API_BASE: square.url,
    SQUARE_WEBHOOK_SIGNATURE_KEY: squareApp.signatureKey,
    SQUARE_WEBHOOK_URL: squareWebhookUrl,
    GOOGLE_PLACES_API_KEY: places.apiKey,
    GOOGLE_PLACES_API_BASE: places.url,
    ...walletEnv,
    ...googleWalletEnv,
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await Promise.allSettled([
    twilio.close(),
    smtp.close(),
    google.close(),
    smartcar.close(),
    stripe.close(),
    square.close(),
    places.close(),
    apns.close(),
    googleWallet.close(),
  ]);
  await database.drop().catch((err) => console.error("could not drop e2e database:", err));
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
child.on("exit", (code) => void stop(code ?? 1));
