import { envSchema, productionProblems, type Env } from "./env";

export type { Env } from "./env";
export { activeSandboxTwins, GOOGLE_ISSUER, MONEY_PROVIDERS, sandboxAllowed, type SandboxProvider } from "./sandbox";

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Refusing to start, configuration is unsafe:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment (process.env by default); throws ConfigError naming every problem. */
export function parseConfig(source: Record<string, string | undefined> = process.env): Env {
  const isProduction = source.NODE_ENV === "production";
  // Empty strings mean "unset" (a blank line in an env file should not override a default).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema(isProduction).safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const problems = productionProblems(parsed.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}

let cached: Env | undefined;

/** The process's configuration, parsed once. */
export function config(): Env {
  cached ??= parseConfig();
  return cached;
}

export function allowedOrigins(env: Env = config()): string[] {
  const listed = env.ALLOWED_ORIGINS.split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  return Array.from(new Set([new URL(env.NEXTAUTH_URL).origin, ...listed]));
}
