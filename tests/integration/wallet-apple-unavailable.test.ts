import { afterAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/wallet/apple/download/route";
import { GET as latestPass } from "@/app/api/wallet/apple/v1/passes/[passTypeId]/[serialNumber]/route";
import { stopWorkers } from "@/lib/jobs";
import { getApplePassStatus, getOrCreatePass, passAuthToken } from "@/lib/wallet";
import { asDriver, createUser, signedIn, testDb } from "../support/factories";
import { call } from "../support/request";

// A server with no Apple certificates (development): it says why, and serves no broken file.
afterAll(async () => {
  await stopWorkers();
  await testDb.$disconnect();
});

describe("Apple Wallet without certificates", () => {
  it("answers the download with 503 and the missing settings, and the status says the same", async () => {
    const driver = await createUser();
    const res = await call(download, { headers: { cookie: (await signedIn(driver.id)).cookie } });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("wallet_unavailable");
    expect(body.error.message).toMatch(/^Apple Wallet passes are not set up on this server: APPLE_PASS_TYPE_ID/);

    const status = await getApplePassStatus(asDriver(driver.id));
    expect(status).toEqual({ available: false, reason: body.error.message, devices: 0, updatedAt: null });
  });

  it("lets no device fetch a pass", async () => {
    const driver = await createUser();
    const { serialNumber } = await getOrCreatePass(asDriver(driver.id));
    const res = await call(latestPass, {
      headers: { authorization: `ApplePass ${passAuthToken(serialNumber)}` },
      params: { passTypeId: "pass.test.nerava.card", serialNumber },
    });
    expect(res.status).toBe(401);
  });
});
