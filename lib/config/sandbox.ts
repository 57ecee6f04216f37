import type { Env } from "./env";

// Which providers would run as their sandbox twin under a configuration, and whether that is
// allowed. Development and tests run every twin; production runs one only when SANDBOX_PROVIDERS
// names it, and never the twin of a provider that moves or earns money.

export const SANDBOX_PROVIDER_NAMES = ["smartcar", "twilio", "email", "google", "stripe", "square"] as const;
export type SandboxProvider = (typeof SANDBOX_PROVIDER_NAMES)[number];

/** Their twins would pay out, take payments or earn Nova and cash (the simulated car verifies sessions). */
export const MONEY_PROVIDERS: ReadonlySet<SandboxProvider> = new Set(["stripe", "square", "smartcar"]);

export const GOOGLE_ISSUER = "https://accounts.google.com";

type Twin = {
  provider: SandboxProvider;
  /** The configuration turns on a feature that needs the provider. */
  enabled: (env: Env) => boolean;
  /** The real provider is configured. */
  configured: (env: Env) => boolean;
  /** Why a production start refuses it, naming the variables. */
  refusal: (env: Env) => string;
};

const onPurpose = (provider: SandboxProvider) =>
  MONEY_PROVIDERS.has(provider)
    ? `(SANDBOX_PROVIDERS cannot allow it: it earns or moves money)`
    : `or SANDBOX_PROVIDERS=${provider} to run the twin on purpose`;

const TWINS: Twin[] = [
  {
    provider: "stripe",
    enabled: (env) => env.PAYOUTS_ENABLED,
    configured: (env) =>
      Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET && env.STRIPE_CONNECT_WEBHOOK_SECRET),
    refusal: () =>
      "Cash-out is enabled (PAYOUTS_ENABLED) but STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and " +
      "STRIPE_CONNECT_WEBHOOK_SECRET are not all set: drivers could not be paid. Set them, or PAYOUTS_ENABLED=false " +
      onPurpose("stripe"),
  },
  {
    provider: "smartcar",
    enabled: (env) => env.CHARGING_ENABLED,
    configured: (env) => Boolean(env.SMARTCAR_CLIENT_ID && env.SMARTCAR_CLIENT_SECRET),
    refusal: () =>
      "Charging is enabled (CHARGING_ENABLED) but SMARTCAR_CLIENT_ID and SMARTCAR_CLIENT_SECRET are not set: " +
      "the simulated car would verify sessions and earn rewards. Set them, or CHARGING_ENABLED=false " +
      onPurpose("smartcar"),
  },
  {
    provider: "twilio",
    enabled: (env) => env.SMS_SIGNIN_ENABLED,
    configured: (env) => Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_VERIFY_SERVICE_SID),
    refusal: () =>
      "Text-message sign-in is enabled (SMS_SIGNIN_ENABLED) but TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and " +
      "TWILIO_VERIFY_SERVICE_SID are not all set: codes would go to the sandbox outbox, not to phones. Set them, " +
      `SMS_SIGNIN_ENABLED=false, ${onPurpose("twilio")}`,
  },
  {
    provider: "email",
    enabled: () => true, // sign-in links and password resets always need it
    configured: (env) => Boolean(env.SMTP_URL),
    refusal: () =>
      "SMTP_URL is not set: sign-in links and password resets would go to the sandbox outbox, not to mailboxes. " +
      `Set SMTP_URL, ${onPurpose("email")}`,
  },
  {
    provider: "google",
    enabled: (env) => Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET),
    configured: (env) => env.GOOGLE_ISSUER === GOOGLE_ISSUER,
    refusal: (env) =>
      `Google sign-in is enabled (GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET) but GOOGLE_ISSUER is ${env.GOOGLE_ISSUER}, ` +
      `not ${GOOGLE_ISSUER}: a sandbox issuer signs anyone in. Set GOOGLE_ISSUER to Google's, unset ` +
      `GOOGLE_CLIENT_ID, ${onPurpose("google")}`,
  },
  {
    provider: "square",
    enabled: () => true, // every merchant connects its point of sale
    configured: (env) =>
      Boolean(env.SQUARE_APPLICATION_ID && env.SQUARE_APPLICATION_SECRET && env.SQUARE_WEBHOOK_SIGNATURE_KEY),
    refusal: () =>
      "SQUARE_APPLICATION_ID, SQUARE_APPLICATION_SECRET and SQUARE_WEBHOOK_SIGNATURE_KEY are not all set: merchants " +
      "would connect the sandbox Square, whose made-up sales earn rewards. Set them " +
      onPurpose("square"),
  },
];

/** SANDBOX_PROVIDERS as a list of names (unknown names included, for the start check to name). */
export function namedSandboxProviders(env: Env): string[] {
  return env.SANDBOX_PROVIDERS.split(",")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
}

/** Providers that this configuration enables but has not configured: they run as sandbox twins. */
export function activeSandboxTwins(env: Env): SandboxProvider[] {
  return TWINS.filter((t) => t.enabled(env) && !t.configured(env)).map((t) => t.provider);
}

/** May this process run the provider's twin? Always outside production; in production only when named and not money. */
export function sandboxAllowed(env: Env, provider: SandboxProvider): boolean {
  if (env.NODE_ENV !== "production") return true;
  return !MONEY_PROVIDERS.has(provider) && namedSandboxProviders(env).includes(provider);
}

/** Why a production start would run a twin it must not; empty outside production. */
export function sandboxProblems(env: Env): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  for (const name of namedSandboxProviders(env)) {
    if (!(SANDBOX_PROVIDER_NAMES as readonly string[]).includes(name))
      problems.push(
        `SANDBOX_PROVIDERS names '${name}', which is not a provider (${SANDBOX_PROVIDER_NAMES.join(", ")})`,
      );
    else if (MONEY_PROVIDERS.has(name as SandboxProvider))
      problems.push(`SANDBOX_PROVIDERS may not name '${name}' in production: its sandbox twin moves or earns money`);
  }
  for (const t of TWINS) {
    if (t.enabled(env) && !t.configured(env) && !sandboxAllowed(env, t.provider)) problems.push(t.refusal(env));
  }
  return problems;
}
