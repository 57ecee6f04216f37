import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { manifestMismatches, passJsonOf, unzipPass } from "../support/wallet-pass";
import { E2E_FAKES } from "./fakes-config";
import { blockOutsideRequests, budget, DEMO, signInWithPassword, snap } from "./helpers";
import { signUpNewDriver } from "./journeys";

// The Apple Wallet pass over HTTP against `next start` (serve.ts configures a throwaway certificate
// chain): a driver downloads the pass, then a "device" (plain requests: no session, no Origin) talks to
// the PassKit web service at the pass's own webServiceURL with the pass's own token, as an iPhone does.

test.beforeEach(async ({ page }) => blockOutsideRequests(page));

type Pass = { serialNumber: string; authenticationToken: string; webServiceURL: string; passTypeIdentifier: string };

const nova = (pass: { storeCard: { primaryFields: { value: string }[] } }) =>
  Number(pass.storeCard.primaryFields[0].value.replace(/,/g, ""));

async function grantTo(admin: Page, name: string, amount: number) {
  await admin.goto("/admin/grants");
  await admin.getByLabel("Find the driver").fill(name);
  await admin.getByRole("button", { name: "Search" }).click();
  await admin.waitForURL(/\/admin\/grants\?q=/);
  await admin.getByRole("radio", { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).check();
  await admin.getByLabel("Amount (Nova)").fill(String(amount));
  await admin.getByLabel("Reason").fill("Apple Wallet e2e");
  await admin.getByRole("button", { name: "Grant Nova" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /Granted/ })).toBeVisible();
}

/** Asks for the device's updated serials until the sync job has marked the pass changed. */
async function waitForUpdate(
  request: APIRequestContext,
  url: string,
): Promise<{ serialNumbers: string[]; lastUpdated: string }> {
  for (let i = 0; i < 90; i++) {
    // a reused keep-alive socket the busy server had just closed is a transport blip, not an answer: ask again
    const res = await request.get(url).catch((err: Error) => {
      if (/ECONNRESET/.test(err.message)) return null;
      throw err;
    });
    if (!res) continue;
    if (res.status() === 200) return res.json();
    expect(res.status()).toBe(204);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the pass was never marked updated");
}

test("Apple Wallet: download the pass, register a device, a grant updates the serial list and the pass", async ({
  page,
  request,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget(150_000));
  const name = await signUpNewDriver(page, testInfo, "Wallet");

  // the signed-in driver downloads a signed .pkpass; signed out, the same URL is refused
  const res = await page.request.get("/api/wallet/apple/download");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/vnd.apple.pkpass");
  expect(res.headers()["content-disposition"]).toBe('attachment; filename="nerava.pkpass"');
  expect(res.headers()["cache-control"]).toBe("no-store");
  const files = unzipPass(await res.body());
  expect(manifestMismatches(files)).toEqual([]);
  expect(files["signature"].byteLength).toBeGreaterThan(1000);
  const pass = passJsonOf(files) as Pass & Parameters<typeof nova>[0];
  expect(pass.webServiceURL).toBe(`${baseURL}/api/wallet/apple`);
  expect(nova(pass)).toBe(0);
  expect((await request.get("/api/wallet/apple/download")).status()).toBe(401);

  const device = `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const v1 = `${pass.webServiceURL}/v1`;
  const registration = `${v1}/devices/${device}/registrations/${pass.passTypeIdentifier}/${pass.serialNumber}`;
  const serials = `${v1}/devices/${device}/registrations/${pass.passTypeIdentifier}`;
  const passUrl = `${v1}/passes/${pass.passTypeIdentifier}/${pass.serialNumber}`;
  const auth = { Authorization: `ApplePass ${pass.authenticationToken}` };

  // register: 401 with a wrong token, 201 new, 200 again; 400 for a body that is not { pushToken }
  const register = (headers: Record<string, string>, data: unknown = { pushToken: "e2epushtoken0001" }) =>
    request.post(registration, { headers, data });
  expect((await register({ Authorization: `ApplePass ${"x".repeat(43)}` })).status()).toBe(401);
  expect((await request.get(serials)).status()).toBe(204);
  expect((await register(auth)).status()).toBe(201);
  expect((await register(auth)).status()).toBe(200);
  expect((await register(auth, { token: "nope" })).status()).toBe(400);

  // the serial list: 200 with a millisecond tag, then 204 since that tag
  const listed = await request.get(serials);
  expect(listed.status()).toBe(200);
  const first = (await listed.json()) as { serialNumbers: string[]; lastUpdated: string };
  expect(first.serialNumbers).toEqual([pass.serialNumber]);
  expect(first.lastUpdated).toMatch(/^\d{13}$/);
  expect((await request.get(`${serials}?passesUpdatedSince=${first.lastUpdated}`)).status()).toBe(204);

  // the latest pass: 200 with Last-Modified, 304 for that date, 401 with a wrong token
  const latest = await request.get(passUrl, { headers: auth });
  expect(latest.status()).toBe(200);
  const lastModified = latest.headers()["last-modified"];
  expect(lastModified).toMatch(/GMT$/);
  expect((await request.get(passUrl, { headers: { ...auth, "If-Modified-Since": lastModified } })).status()).toBe(304);
  expect((await request.get(passUrl, { headers: { Authorization: "ApplePass wrongwrongwrongwrong" } })).status()).toBe(
    401,
  );

  // an admin grants Nova; the wallet sync marks the pass changed and the device sees it
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await blockOutsideRequests(admin);
  await signInWithPassword(admin, DEMO.admin, /\/admin$/);
  await grantTo(admin, name, 125);
  await snap(admin, testInfo, "wallet-apple-01-granted");
  const updated = await waitForUpdate(request, `${serials}?passesUpdatedSince=${first.lastUpdated}`);
  expect(updated.serialNumbers).toEqual([pass.serialNumber]);
  expect(Number(updated.lastUpdated)).toBeGreaterThan(Number(first.lastUpdated));
  const newer = await request.get(passUrl, { headers: { ...auth, "If-Modified-Since": lastModified } });
  expect(newer.status()).toBe(200);
  expect(Date.parse(newer.headers()["last-modified"])).toBeGreaterThan(Date.parse(lastModified));
  expect(nova(passJsonOf(unzipPass(await newer.body())))).toBe(125);
  // and the device was told: one empty push for its token, with the pass type as topic (the sync
  // marks the pass changed just before it pushes, so the push may land a moment after)
  const pushesTo = (token: string) =>
    readFileSync(E2E_FAKES.apnsLog, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { pushToken: string; topic: string; body: string })
      .filter((p) => p.pushToken === token);
  await expect
    .poll(() => pushesTo("e2epushtoken0001"), { timeout: 15_000 })
    .toEqual([{ pushToken: "e2epushtoken0001", topic: pass.passTypeIdentifier, body: "{}" }]);

  // Wallet's log, then the pass removed from the device
  expect((await request.post(`${v1}/log`, { data: { logs: ["e2e: pass updated"] } })).status()).toBe(200);
  expect((await request.delete(registration, { headers: auth })).status()).toBe(200);
  expect((await request.get(serials)).status()).toBe(204);
  await adminContext.close();
});
