import { expect, test } from "@playwright/test";
import { blockOutsideRequests, budget, DEMO, signInWithPassword } from "./helpers";

// Issue 9.11: once the merchant's confirm action had run in the process, the JSON twin answered
// a rate-limited request with 500 `internal` (the limiter's refusal came from the action bundle's
// copy of the library and failed an `instanceof`). Runs once (desktop): it spends the demo
// merchant's per-person code limit, then waits the window out so later journeys start clean.
const UNKNOWN_CODE = "ZZZZ-ZZZZ-ZZZZ";
const PER_USER_LIMIT = 20; // LIMITS.redeemCodePerUser.points

test("a rate-limited JSON handler answers 429 with Retry-After after the action ran in the same process", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(budget(180_000));
  await blockOutsideRequests(page);
  await signInWithPassword(page, DEMO.merchant, /\/merchant$/);

  await page.goto("/merchant/reports");
  const csv = await page.getByRole("link", { name: "Download statement CSV" }).getAttribute("href");
  const merchantId = csv?.match(/^\/api\/merchants\/([^/]+)\/statement$/)?.[1];
  expect(merchantId).toBeTruthy();

  // 1. The confirm action once, through the page.
  await page.goto("/merchant/redeem");
  await page.getByLabel("Redemption code").fill(UNKNOWN_CODE);
  await page.getByRole("button", { name: "Confirm code" }).click();
  await expect(page.getByText("No code like that for this shop.")).toBeVisible();

  // 2. The JSON handler, past its limit, with the same session.
  const confirm = () =>
    page.request.post(`/api/merchants/${merchantId}/redemptions`, {
      headers: { origin: baseURL! },
      data: { code: UNKNOWN_CODE },
    });
  const answers: { status: number; retryAfter: string | null; body: { error?: { code: string; message: string } } }[] =
    [];
  for (let i = 0; i < PER_USER_LIMIT + 5; i++) {
    const res = await confirm();
    answers.push({ status: res.status(), retryAfter: res.headers()["retry-after"] ?? null, body: await res.json() });
  }
  expect(answers.map((a) => a.status).filter((s) => s >= 500)).toEqual([]);
  const firstRefused = answers.findIndex((a) => a.status === 429);
  expect(firstRefused).toBeGreaterThanOrEqual(0);
  expect(firstRefused).toBeLessThan(PER_USER_LIMIT); // the action spent one point of the same limit
  for (const a of answers.slice(0, firstRefused)) expect(a.body.error?.code).toBe("unknown_code");
  for (const a of answers.slice(firstRefused)) {
    expect(a.status).toBe(429);
    expect(a.body.error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Try again in \d+/) });
    expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(a.retryAfter)).toBeLessThanOrEqual(60);
  }

  // 3. Retry-After tells the truth: after it, the code is looked at again.
  const wait = Number(answers.at(-1)!.retryAfter);
  await page.waitForTimeout((wait + 1) * 1000);
  const after = await confirm();
  expect(after.status()).toBe(404);
  expect((await after.json()).error.code).toBe("unknown_code");
});
