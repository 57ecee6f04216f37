// Google Wallet not configured (development) or configured with a broken key: the app says
// why instead of failing, and balance changes still drain the outbox.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { closeConnections } from "../support/ledger";
import { call } from "../support/request";
import { asDriver, createUser, signedIn, testDb } from "../support/factories";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});
afterAll(() => closeConnections());

async function appWith(env: Record<string, string>) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return {
    wallet: await import("@/lib/wallet"),
    route: await import("@/app/api/wallet/google/save/route"),
  };
}

describe("Google Wallet unavailable", () => {
  it("without an issuer id: the status and the save route say why (503), and a balance change drains quietly", async () => {
    const { wallet, route } = await appWith({ GOOGLE_WALLET_ISSUER_ID: "", GOOGLE_WALLET_SERVICE_ACCOUNT: "" });
    const reason = "GOOGLE_WALLET_ISSUER_ID is not set.";
    expect(await wallet.googleWalletAvailability()).toEqual({ available: false, reason });
    const driver = await createUser();
    expect(await wallet.getGooglePassStatus(asDriver(driver.id))).toEqual({
      available: false,
      reason,
      added: false,
      syncedAt: null,
    });

    const { cookie } = await signedIn(driver.id);
    const origin = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
    const res = await call(route.POST, {
      method: "POST",
      path: "/api/wallet/google/save",
      headers: { cookie, origin },
    });
    expect(res.status).toBe(303); // back to the pass page, which says it is unavailable (and why, from the status)
    expect(res.headers.get("location")).toMatch(/\/app\/pass\?wallet_problem=google_unavailable/);

    await testDb.walletPass.create({ data: { userId: driver.id, serialNumber: `u-${driver.id}`, authTokenHash: "x" } });
    await testDb.driverBalanceChange.create({ data: { driverId: driver.id } });
    expect(await wallet.unsafeSyncGooglePass(driver.id)).toBe("unavailable");
    await wallet.unsafeSyncWalletPasses();
    expect(await testDb.driverBalanceChange.findUnique({ where: { driverId: driver.id } })).toBeNull();
  });

  it("a service account whose text is not a key file is named, without echoing it", async () => {
    const { wallet } = await appWith({
      GOOGLE_WALLET_ISSUER_ID: "3388000000022912345",
      GOOGLE_WALLET_SERVICE_ACCOUNT: "-----BEGIN PRIVATE KEY----- secret-ish",
    });
    const availability = await wallet.googleWalletAvailability();
    expect(availability).toEqual({ available: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(JSON.stringify(availability)).not.toContain("secret-ish");
  });
});
