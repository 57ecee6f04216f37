import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { consume } from "@/lib/rate-limit/limiter";
import { uid } from "../support/factories";

const policy = { points: 3, durationSeconds: 1, message: "Slow down." };

afterAll(async () => {
  const g = globalThis as unknown as { nervaRedis?: Redis };
  await g.nervaRedis?.quit();
});

describe("rate limits", () => {
  it("trip at the stated number and recover after the window", async () => {
    const subject = `s-${uid()}`;
    const name = `test-${uid()}`;
    for (let i = 0; i < 3; i++) await consume(name, policy, subject);
    const refused = await consume(name, policy, subject).catch((e) => e);
    expect(refused).toMatchObject({ status: 429, code: "rate_limited", headers: { "Retry-After": "1" } });
    expect(refused.message).toMatch(/^Slow down\. Try again in 1 second\.$/);
    await new Promise((r) => setTimeout(r, 1100));
    await expect(consume(name, policy, subject)).resolves.toBeUndefined();
  });

  it("count subjects separately", async () => {
    const name = `test-${uid()}`;
    for (let i = 0; i < 3; i++) await consume(name, policy, "one");
    await expect(consume(name, policy, "two")).resolves.toBeUndefined();
  });

  it.runIf(Boolean(process.env.REDIS_URL))("count a new process's very first request in Redis too", async () => {
    // as in a freshly started instance: no connection yet
    const g = globalThis as unknown as { nervaRedis?: Redis; nervaLimiters?: Map<string, unknown> };
    await g.nervaRedis?.quit();
    g.nervaRedis = undefined;
    g.nervaLimiters = undefined;
    const name = `test-${uid()}`;
    const subject = `s-${uid()}`;
    await consume(name, policy, subject);
    const other = new Redis(process.env.REDIS_URL!);
    const counted = await other.get(`rl:${name}:${subject}`);
    await other.quit();
    expect(counted).toBe("1");
  });

  it.runIf(Boolean(process.env.REDIS_URL))("are shared through Redis, so every app instance sees them", async () => {
    const name = `test-${uid()}`;
    const subject = `s-${uid()}`;
    await consume(name, policy, subject);
    const other = new Redis(process.env.REDIS_URL!);
    const keys = await other.keys(`rl:${name}*`);
    await other.quit();
    expect(keys).toHaveLength(1);
  });
});
