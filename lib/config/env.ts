import { z } from "zod";
import { wholeNumber } from "@/lib/validation";
import { sandboxProblems } from "./sandbox";

// Development defaults are marked so production can refuse them by value.
export const DEV_SECRET_PREFIX = "dev-only-";
const DEV_AUTH_SECRET = `${DEV_SECRET_PREFIX}auth-secret-change-me-0123456789`;
// "dev-only-key-dev-only-key-000000" (32 bytes), base64; refused in production like every dev secret.
const DEV_ENCRYPTION_KEY = "ZGV2LW9ubHkta2V5LWRldi1vbmx5LWtleS0wMDAwMDA=";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "true" || v === "1"));
const int = (fallback: number) => wholeNumber().default(fallback);
// A duration in hours that may be a fraction ("0.5"): a short window for demos and end-to-end runs.
const hours = (fallback: number) =>
  z
    .string()
    .regex(/^\d{1,4}(\.\d{1,4})?$/, { message: "must be a number of hours such as 72 or 0.5" })
    .transform(Number)
    .optional()
    .transform((v) => v ?? fallback);
const NREL_REGION = String.raw`[a-z0-9][a-z0-9_-]{0,39}:-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,\d{1,3}(\.\d+)?`;
const NREL_REGIONS_PATTERN = new RegExp(`^${NREL_REGION}(;${NREL_REGION})*;?$`);
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export function envSchema(isProduction: boolean) {
  return z.object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: wholeNumber({ min: 1, max: 100 }).default(10),
    NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32).default(DEV_AUTH_SECRET),
    TOKEN_ENCRYPTION_KEY: z.string().default(DEV_ENCRYPTION_KEY),
    ALLOWED_ORIGINS: z.string().default(""),
    // How many proxies in front of the app append to X-Forwarded-For (0: clients connect directly).
    TRUSTED_PROXY_HOPS: wholeNumber({ min: 0, max: 10 }).default(0),
    METRICS_TOKEN: z.string().optional(),
    REDIS_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DEMO_MODE: bool(!isProduction),
    MAP_TILE_URL: z.string().default(""),
    // The longest the nearby query keeps a charger's perks (0: off). Edits invalidate at once
    // through the discovery version, and an entry ends when one of its offers ends or a nearby
    // offer starts; this bounds the one race nothing marks (lib/discovery/nearby/perk-cache.ts).
    NEARBY_PIN_CACHE_SECONDS: wholeNumber({ min: 0, max: 3600 }).default(300),
    // Credit for the tiles, shown as text in the map's corner (OpenStreetMap's tiles ask for this line).
    MAP_TILE_ATTRIBUTION: z.string().max(200).default("© OpenStreetMap contributors"),
    SMTP_URL: z.string().optional(),
    EMAIL_FROM: z.string().default("Nerava <no-reply@nerava.local>"),
    VERIFY_REWARD_CENTS: int(200),
    PURCHASE_REWARD_FLAT_CENTS: int(150),
    // What the platform charges the merchant for each rewarded purchase, on top of the reward.
    PURCHASE_PLATFORM_FEE_CENTS: int(30),
    // A sale smaller than this (after refunds) earns no purchase reward: a one-cent sale never pays $1.50.
    PURCHASE_MIN_TICKET_CENTS: int(500),
    // A sale matches a charging session from (start − before) to (end + after).
    PURCHASE_MATCH_BEFORE_MINUTES: int(10),
    PURCHASE_MATCH_AFTER_MINUTES: int(30),
    // A purchase reward stays pending this long, so a refund can still take it back before it is spendable.
    PURCHASE_REFUND_WINDOW_HOURS: hours(72),
    // Offline orders reach Square late; older sales than this are not matched.
    PURCHASE_LATE_ORDER_HOURS: int(72),
    PAYOUT_MIN_CENTS: int(100),
    PAYOUT_MAX_CENTS: int(10_000),
    PAYOUT_DAILY_CAP_CENTS: int(20_000),
    // Stripe's instant payout fee (1% in the US), in basis points, charged to the driver and shown first.
    PAYOUT_INSTANT_FEE_BPS: wholeNumber({ min: 0, max: 1_000 }).default(100),
    // The day the daily cap counts by (Stripe resets instant payout limits at midnight US Central).
    BUSINESS_TIME_ZONE: z
      .string()
      .default("America/Chicago")
      .refine(isTimeZone, { message: "must be an IANA time zone such as America/Chicago" }),
    PAYOUTS_ENABLED: bool(true),
    // Owners are told when their prepaid cash (which funds purchase rewards) falls below this.
    MERCHANT_LOW_BALANCE_CENTS: int(2_000),
    NOVA_GRANT_MAX: int(5_000),
    NOVA_GRANT_DAILY_CAP: int(20_000),
    NOVA_GRANTS_ENABLED: bool(true),
    DRIVER_DAILY_EARN_CAP_NOVA: int(2_000),
    // Nova earned expires this many months later unless the driver is active (0: never); reminder this many days ahead.
    NOVA_EXPIRY_MONTHS: wholeNumber({ min: 0, max: 120 }).default(12),
    NOVA_EXPIRY_REMINDER_DAYS: wholeNumber({ min: 0, max: 365 }).default(30),
    DIRECT_SPEND_DAILY_LIMIT_NOVA: int(2_000),
    SIGN_IN_PER_IP_LIMIT: int(30),
    SIGN_UP_PER_IP_LIMIT: int(10),
    MIN_DWELL_SECONDS: int(600),
    VERIFY_ACCEPT: z.string().default("car+phone"),
    JOBS_ENABLED: bool(true),
    // Features that need a provider; on, they need its keys in production (lib/config/sandbox.ts).
    CHARGING_ENABLED: bool(true),
    SMS_SIGNIN_ENABLED: bool(true),
    // Providers production may run as their sandbox twin on purpose (never stripe, square, smartcar).
    SANDBOX_PROVIDERS: z.string().default(""),
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    STRIPE_CONNECT_WEBHOOK_SECRET: z.string().optional(),
    // Where the stripe SDK sends requests: Stripe itself unless set (the sandbox twin and the test fake).
    STRIPE_API_BASE: z.string().url().optional(),
    STRIPE_MAX_NETWORK_RETRIES: wholeNumber({ min: 0, max: 5 }).default(2),
    SQUARE_APPLICATION_ID: z.string().optional(),
    SQUARE_APPLICATION_SECRET: z.string().optional(),
    SQUARE_WEBHOOK_SIGNATURE_KEY: z.string().optional(),
    // Where the square SDK and the consent page live: Square itself unless set (the sandbox twin, the test fake).
    SQUARE_API_BASE: z.string().url().default("https://connect.squareup.com"),
    // The notification URL exactly as registered with Square: signatures are computed over it, never
    // over a URL rebuilt from the request. Defaults to NEXTAUTH_URL + /api/webhooks/square.
    SQUARE_WEBHOOK_URL: z.string().url().optional(),
    // Square advises refreshing at most every 7 days; a token older than this is refreshed by the job.
    SQUARE_REFRESH_AFTER_DAYS: wholeNumber({ min: 1, max: 25 }).default(7),
    SMARTCAR_CLIENT_ID: z.string().optional(),
    SMARTCAR_CLIENT_SECRET: z.string().optional(),
    SMARTCAR_WEBHOOK_SECRET: z.string().optional(),
    TWILIO_ACCOUNT_SID: z.string().optional(),
    TWILIO_AUTH_TOKEN: z.string().optional(),
    TWILIO_VERIFY_SERVICE_SID: z.string().optional(),
    TWILIO_API_BASE: z.string().url().optional(),
    GOOGLE_CLIENT_ID: z.string().optional(),
    GOOGLE_CLIENT_SECRET: z.string().optional(),
    GOOGLE_ISSUER: z.string().url().default("https://accounts.google.com"),
    GOOGLE_PLACES_API_KEY: z.string().optional(),
    // Where Places (New) requests go: Google itself unless set (the test fake).
    GOOGLE_PLACES_API_BASE: z.string().url().default("https://places.googleapis.com"),
    // Without a key the charger import does nothing and the demo chargers stay.
    NREL_API_KEY: z.string().optional(),
    // NREL's AFDC stations API; configurable because NREL has moved hosts before (developer.nlr.gov).
    NREL_API_BASE: z.string().url().default("https://developer.nrel.gov/api/alt-fuel-stations/v1"),
    // The regions the import fills: "name:lat,lng,miles" separated by ";" (miles ≤ 500).
    NREL_REGIONS: z
      .string()
      .default("austin:30.2672,-97.7431,25;dallas:32.7767,-96.7970,25")
      .refine((v) => v.trim() === "" || NREL_REGIONS_PATTERN.test(v.trim()), {
        message: 'must look like "austin:30.2672,-97.7431,25;dallas:32.7767,-96.7970,25" (name:lat,lng,miles)',
      }),
    // Apple Wallet: the Pass Type ID certificate signs passes and is also the APNs client
    // certificate. PEM text; "\n" escapes are accepted for one-line env files. Without all of
    // type id, team id, WWDR, certificate and key, the app says passes are unavailable.
    APPLE_PASS_TYPE_ID: z
      .string()
      .regex(/^pass\.[A-Za-z0-9.-]+$/, { message: "must look like pass.com.example.card" })
      .optional(),
    APPLE_TEAM_ID: z
      .string()
      .regex(/^[A-Z0-9]{10}$/, { message: "must be the 10-character Apple team id" })
      .optional(),
    APPLE_WWDR_CERT: z.string().optional(),
    APPLE_PASS_CERT: z.string().optional(),
    APPLE_PASS_KEY: z.string().optional(),
    APPLE_PASS_KEY_PASSPHRASE: z.string().optional(),
    // The pass's webServiceURL (devices append /v1/…); defaults to NEXTAUTH_URL + /api/wallet/apple.
    WALLET_WEB_SERVICE_URL: z.string().url().optional(),
    // APNs over HTTP/2 (pass updates use the production gateway); APNS_CA_CERT trusts a test server.
    APNS_URL: z.string().url().default("https://api.push.apple.com"),
    APNS_CA_CERT: z.string().optional(),
    // Google Wallet: issuer id, the service account's JSON key (client_email, private_key,
    // token_uri), the REST base, and the loyalty class id suffix ("<issuerId>.<suffix>").
    GOOGLE_WALLET_ISSUER_ID: z
      .string()
      .regex(/^\d{5,25}$/, { message: "must be the numeric issuer id" })
      .optional(),
    GOOGLE_WALLET_SERVICE_ACCOUNT: z.string().optional(),
    GOOGLE_WALLET_API_BASE: z.string().url().default("https://walletobjects.googleapis.com/walletobjects/v1"),
    GOOGLE_WALLET_CLASS_SUFFIX: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,60}$/)
      .default("nerava-nova"),
    // OpenTelemetry: traces go to <endpoint>/v1/traces (OTLP/HTTP, JSON) when set; off when unset.
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default("nerava"),
    GIT_SHA: z.string().optional(),
    BUILD_TIME: z.string().optional(),
  });
}

export type Env = z.infer<ReturnType<typeof envSchema>>;

/** Problems that make a production start unsafe; empty outside production. */
export function productionProblems(env: Env): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push("DATABASE_URL is required in production");
  if (env.NEXTAUTH_SECRET.startsWith(DEV_SECRET_PREFIX))
    problems.push("NEXTAUTH_SECRET is unset or still the development value");
  if (env.TOKEN_ENCRYPTION_KEY === DEV_ENCRYPTION_KEY)
    problems.push("TOKEN_ENCRYPTION_KEY is unset or still the development value");
  else if (Buffer.from(env.TOKEN_ENCRYPTION_KEY, "base64").length !== 32)
    problems.push("TOKEN_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
  if (!env.METRICS_TOKEN) problems.push("METRICS_TOKEN is required in production");
  const origins = env.ALLOWED_ORIGINS.split(",").map((o) => o.trim());
  if (origins.includes("*")) problems.push("ALLOWED_ORIGINS must not contain '*' (credentialed requests)");
  const base = new URL(env.NEXTAUTH_URL);
  const isLoopback = ["localhost", "127.0.0.1", "[::1]"].includes(base.hostname); // a local production trial
  if (base.protocol !== "https:" && !isLoopback) problems.push("NEXTAUTH_URL must be https in production");
  if (env.DEMO_MODE) problems.push("DEMO_MODE must be off in production");
  return [...problems, ...sandboxProblems(env)];
}
