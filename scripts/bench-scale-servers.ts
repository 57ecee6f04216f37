// bench:scale's app instances: production servers (`node .next/standalone/server.js`, build
// first) on one database and one Redis database, each with the job workers on, their stdout
// kept so the checks can read which instance ran which job.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

export type Instance = {
  name: string;
  base: URL;
  child: ChildProcess;
  /** Every line the server printed (stdout and stderr), in order. */
  lines: string[];
};

export type SharedEnv = { databaseUrl: string; redisUrl: string; metricsToken: string };

const SERVER = path.resolve(".next/standalone/server.js");

/** The env a production instance needs: throwaway secrets shared by all, no provider keys, jobs on. */
function instanceEnv(port: number, shared: SharedEnv, secrets: { auth: string; token: string }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: shared.databaseUrl,
    DATABASE_POOL_SIZE: "8",
    REDIS_URL: shared.redisUrl,
    JOBS_ENABLED: "true",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // every instance signs and encrypts with the same keys (sessions, spend codes, tokens)
    NEXTAUTH_SECRET: secrets.auth,
    TOKEN_ENCRYPTION_KEY: secrets.token,
    METRICS_TOKEN: shared.metricsToken,
    PAYOUTS_ENABLED: "false",
    CHARGING_ENABLED: "false",
    SMS_SIGNIN_ENABLED: "false",
    SANDBOX_PROVIDERS: "email",
    SQUARE_APPLICATION_ID: "bench",
    SQUARE_APPLICATION_SECRET: "bench",
    SQUARE_WEBHOOK_SIGNATURE_KEY: "bench",
    NOVA_GRANT_DAILY_CAP: "1000000000",
    NOVA_GRANT_MAX: "1000000",
    LOG_LEVEL: "info",
  };
}

export function assertBuilt(): void {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first.`);
}

export async function startInstances(ports: number[], shared: SharedEnv): Promise<Instance[]> {
  assertBuilt();
  const secrets = {
    auth: `bench-${randomBytes(24).toString("base64url")}`,
    token: randomBytes(32).toString("base64"),
  };
  const instances = ports.map((port, i): Instance => {
    const child = spawn(process.execPath, [SERVER], {
      env: instanceEnv(port, shared, secrets),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    // a line can arrive split across chunks: each stream keeps its unfinished tail
    for (const stream of [child.stdout!, child.stderr!]) {
      let tail = "";
      stream.on("data", (chunk: Buffer) => {
        const parts = (tail + chunk.toString("utf8")).split("\n");
        tail = parts.pop() ?? "";
        lines.push(...parts.filter(Boolean));
      });
    }
    return {
      name: `instance ${String.fromCharCode(65 + i)} :${port}`,
      base: new URL(`http://127.0.0.1:${port}`),
      child,
      lines,
    };
  });
  // one not coming up: stop the others too, or they outlive the script holding their ports
  const started = await Promise.allSettled(instances.map(waitReady));
  const failed = started.find((r) => r.status === "rejected");
  if (failed) {
    await stopInstances(instances);
    throw failed.reason;
  }
  return instances;
}

/** Up when /api/ready answers 200 (database reachable) within 180 s (a cold start on a loaded machine); an exit fails fast. */
async function waitReady(instance: Instance): Promise<void> {
  const deadline = Date.now() + 180_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null)
      throw new Error(`${instance.name} exited (${instance.child.exitCode}):\n${instance.lines.slice(-20).join("\n")}`);
    const res = await fetch(new URL("/api/ready", instance.base), { signal: AbortSignal.timeout(10_000) }).catch(
      (err: Error) => err,
    );
    if (!(res instanceof Error) && res.ok) return;
    last = res instanceof Error ? res.message : `${res.status} ${(await res.text()).slice(0, 200)}`;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${instance.name} not ready after 180 s (${last}):\n${instance.lines.slice(-20).join("\n")}`);
}

/** SIGTERM (pg-boss stops gracefully), SIGKILL after 10 s. Only the children this script started. */
export async function stopInstances(instances: Instance[]): Promise<void> {
  await Promise.all(
    instances.map(
      (i) =>
        new Promise<void>((resolve) => {
          if (i.child.exitCode !== null || i.child.signalCode !== null) return resolve();
          const timer = setTimeout(() => i.child.kill("SIGKILL"), 10_000);
          i.child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          i.child.kill("SIGTERM");
        }),
    ),
  );
}

/** The JSON log records an instance printed (pino lines; Next's own plain lines are skipped). */
export function logRecords(instance: Instance): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of instance.lines) {
    if (!line.startsWith("{")) continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a partial or foreign line: not a record
    }
  }
  return out;
}
