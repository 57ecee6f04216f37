import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as serials } from "@/app/api/wallet/apple/v1/devices/[deviceLibraryId]/registrations/[passTypeId]/route";
import {
  DELETE as unregister,
  POST as register,
} from "@/app/api/wallet/apple/v1/devices/[deviceLibraryId]/registrations/[passTypeId]/[serialNumber]/route";
import { POST as deviceLog } from "@/app/api/wallet/apple/v1/log/route";
import { GET as latestPass } from "@/app/api/wallet/apple/v1/passes/[passTypeId]/[serialNumber]/route";
import { stopWorkers } from "@/lib/jobs";
import { grantNova } from "@/lib/rewards";
import {
  downloadApplePass,
  getApplePassStatus,
  getOrCreatePass,
  passAuthToken,
  unsafeSyncWalletPasses,
} from "@/lib/wallet";
import { asAdmin, asDriver, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { call } from "../support/request";
import { stubAppleEnv } from "../support/wallet-env";
import { makeWalletCerts } from "../support/wallet-certs";
import { passJsonOf, unzipPass } from "../support/wallet-pass";

// The PassKit web service as an iPhone calls it: no session, no Origin, the pass's own token.
const certs = makeWalletCerts();
stubAppleEnv(certs);
const TYPE = certs.passTypeIdentifier;

afterAll(async () => {
  vi.unstubAllEnvs();
  await stopWorkers();
  await testDb.$disconnect();
});

type Driver = { id: string; serial: string; token: string };
let admin: { id: string };
let alice: Driver;
let bob: Driver;

async function driverWithPass(): Promise<Driver> {
  const user = await createUser();
  const pass = passJsonOf(unzipPass((await downloadApplePass(asDriver(user.id))).buffer));
  return { id: user.id, serial: pass.serialNumber, token: pass.authenticationToken };
}

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
  alice = await driverWithPass();
  bob = await driverWithPass();
});

const device = () => `dev${uid()}${uid()}`;
const auth = (token: string) => ({ authorization: `ApplePass ${token}` });

const registerAs = (deviceId: string, serial: string, token: string, body: unknown = { pushToken: `push${uid()}` }) =>
  call(register, {
    method: "POST",
    headers: { ...auth(token), "content-type": "application/json" },
    params: { deviceLibraryId: deviceId, passTypeId: TYPE, serialNumber: serial },
    body,
  });
const listSerials = (deviceId: string, since?: string) =>
  call(serials, {
    path: `/api/wallet/apple/v1/devices/${deviceId}/registrations/${TYPE}${since ? `?passesUpdatedSince=${since}` : ""}`,
    params: { deviceLibraryId: deviceId, passTypeId: TYPE },
  });
const fetchPass = (serial: string, token: string, ifModifiedSince?: string) =>
  call(latestPass, {
    headers: { ...auth(token), ...(ifModifiedSince ? { "if-modified-since": ifModifiedSince } : {}) },
    params: { passTypeId: TYPE, serialNumber: serial },
  });

/** A grant to the driver through the ledger, then the wallet sync the outbox wakes. */
async function balanceChanges(driverId: string, amount: number) {
  const idempotencyKey = `k-${uid()}-${uid()}-${uid()}`;
  await grantNova(asAdmin(admin.id), { driverId, amount, reason: "wallet test", idempotencyKey }, fakeMeta());
  await unsafeSyncWalletPasses();
}

describe("register", () => {
  it("answers 201 for a new registration and 200 for a repeat, keeping the newest push token", async () => {
    const d = device();
    expect((await registerAs(d, alice.serial, alice.token, { pushToken: "aaaa1111" })).status).toBe(201);
    expect((await registerAs(d, alice.serial, alice.token, { pushToken: "aaaa1111" })).status).toBe(200);
    expect((await registerAs(d, alice.serial, alice.token, { pushToken: "bbbb2222" })).status).toBe(200);
    const rows = await testDb.applePassRegistration.findMany({ where: { deviceLibraryId: d } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serialNumber: alice.serial, passTypeIdentifier: TYPE, pushToken: "bbbb2222" });
    expect((await getApplePassStatus(asDriver(alice.id))).devices).toBeGreaterThanOrEqual(1);
  });

  it("answers 401 to a wrong token, another driver's token, an unknown serial, another pass type and no token", async () => {
    const d = device();
    expect((await registerAs(d, alice.serial, "x".repeat(43))).status).toBe(401);
    expect((await registerAs(d, alice.serial, bob.token)).status).toBe(401);
    expect((await registerAs(d, `nope${uid()}`, alice.token)).status).toBe(401);
    const otherType = await call(register, {
      method: "POST",
      headers: auth(alice.token),
      params: { deviceLibraryId: d, passTypeId: "pass.test.other", serialNumber: alice.serial },
      body: { pushToken: "cccc" },
    });
    expect(otherType.status).toBe(401);
    const noToken = await call(register, {
      method: "POST",
      params: { deviceLibraryId: d, passTypeId: TYPE, serialNumber: alice.serial },
      body: { pushToken: "cccc" },
    });
    expect(noToken.status).toBe(401);
    expect(await testDb.applePassRegistration.count({ where: { deviceLibraryId: d } })).toBe(0);
  });

  it("refuses a pass never issued to Apple Wallet, even with the token it would get", async () => {
    const user = await createUser();
    const { serialNumber } = await getOrCreatePass(asDriver(user.id));
    expect((await registerAs(device(), serialNumber, passAuthToken(serialNumber))).status).toBe(401);
  });

  it("answers 400 to a body that is not { pushToken }", async () => {
    for (const body of ["not json", {}, { pushToken: 5 }, { pushToken: "" }, { pushToken: "has spaces" }]) {
      const res = await registerAs(device(), alice.serial, alice.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe("serials for a device", () => {
  it("204 for an unknown device, 200 with the serial and an ms tag, 204 when nothing is newer, 200 again after a balance change", async () => {
    expect((await listSerials(device())).status).toBe(204);
    const d = device();
    expect((await registerAs(d, alice.serial, alice.token)).status).toBe(201);
    const first = await listSerials(d);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { serialNumbers: string[]; lastUpdated: string };
    expect(body.serialNumbers).toEqual([alice.serial]);
    expect(body.lastUpdated).toMatch(/^\d{13}$/);
    const row = await testDb.walletPass.findUniqueOrThrow({ where: { serialNumber: alice.serial } });
    expect(body.lastUpdated).toBe(String(row.updatedAt.getTime()));

    expect((await listSerials(d, body.lastUpdated)).status).toBe(204);
    // bob's change is not alice's device's business
    await balanceChanges(bob.id, 10);
    expect((await listSerials(d, body.lastUpdated)).status).toBe(204);

    await balanceChanges(alice.id, 25);
    const after = await listSerials(d, body.lastUpdated);
    expect(after.status).toBe(200);
    const next = (await after.json()) as { serialNumbers: string[]; lastUpdated: string };
    expect(next.serialNumbers).toEqual([alice.serial]);
    expect(Number(next.lastUpdated)).toBeGreaterThan(Number(body.lastUpdated));
  });

  it("lists only the passes registered on that device", async () => {
    const d = device();
    await registerAs(d, bob.serial, bob.token);
    const res = await listSerials(d);
    expect(((await res.json()) as { serialNumbers: string[] }).serialNumbers).toEqual([bob.serial]);
  });
});

describe("latest pass", () => {
  it("200 with Last-Modified, 304 when not older, 200 with the new balance after a change; 401 for a wrong or another driver's token", async () => {
    const first = await fetchPass(alice.serial, alice.token);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/vnd.apple.pkpass");
    const lastModified = first.headers.get("last-modified")!;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    const before = passJsonOf(unzipPass(await first.arrayBuffer()));

    const same = await fetchPass(alice.serial, alice.token, lastModified);
    expect(same.status).toBe(304);
    expect(same.headers.get("last-modified")).toBe(lastModified);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await fetchPass(alice.serial, alice.token, older)).status).toBe(200);

    expect((await fetchPass(alice.serial, "y".repeat(43))).status).toBe(401);
    expect((await fetchPass(alice.serial, bob.token)).status).toBe(401);
    expect((await fetchPass(`nope${uid()}`, alice.token)).status).toBe(401);

    await balanceChanges(alice.id, 40);
    const changed = await fetchPass(alice.serial, alice.token, lastModified);
    expect(changed.status).toBe(200);
    expect(Date.parse(changed.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(lastModified));
    const after = passJsonOf(unzipPass(await changed.arrayBuffer()));
    const nova = (p: { storeCard: { primaryFields: { value: string }[] } }) =>
      Number(p.storeCard.primaryFields[0].value.replace(/,/g, ""));
    expect(nova(after)).toBe(nova(before) + 40);
    expect(after.authenticationToken).toBe(alice.token);
  });
});

describe("changes within one second", () => {
  it("each make the pass newer than the copy a device fetched just before (HTTP dates have whole seconds)", async () => {
    const carol = await driverWithPass();
    let lastModified = (await fetchPass(carol.serial, carol.token)).headers.get("last-modified")!;
    for (let i = 0; i < 3; i++) {
      await balanceChanges(carol.id, 1);
      const res = await fetchPass(carol.serial, carol.token, lastModified);
      expect(res.status, `change ${i + 1}`).toBe(200);
      lastModified = res.headers.get("last-modified")!;
    }
  });
});

describe("unregister", () => {
  it("401 with a wrong token; 200 removes the registration and the device then has nothing to update", async () => {
    const d = device();
    await registerAs(d, alice.serial, alice.token);
    const params = { deviceLibraryId: d, passTypeId: TYPE, serialNumber: alice.serial };
    expect((await call(unregister, { method: "DELETE", headers: auth(bob.token), params })).status).toBe(401);
    expect(await testDb.applePassRegistration.count({ where: { deviceLibraryId: d } })).toBe(1);
    expect((await call(unregister, { method: "DELETE", headers: auth(alice.token), params })).status).toBe(200);
    expect(await testDb.applePassRegistration.count({ where: { deviceLibraryId: d } })).toBe(0);
    expect((await listSerials(d)).status).toBe(204);
  });
});

describe("log", () => {
  it("acknowledges Wallet's log lines and refuses a body that is not JSON", async () => {
    const ok = await call(deviceLog, { method: "POST", body: { logs: ["Web service error for pass.test: 401"] } });
    expect(ok.status).toBe(200);
    expect((await call(deviceLog, { method: "POST", body: "{not json" })).status).toBe(400);
  });
});

describe("rate limit", () => {
  it("stops one device after 60 requests a minute, without touching another", async () => {
    const d = device();
    const statuses = [];
    for (let i = 0; i < 61; i++) statuses.push((await listSerials(d)).status);
    expect(statuses.slice(0, 60).every((s) => s === 204)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect((await listSerials(device())).status).toBe(204);
  });
});

describe("after the hostile probe", () => {
  it("keeps at most 10 devices a pass, dropping the ones not heard from longest", async () => {
    const owner = await driverWithPass();
    const devices = Array.from({ length: 12 }, () => device());
    for (const d of devices) expect((await registerAs(d, owner.serial, owner.token)).status).toBe(201);
    const kept = await testDb.applePassRegistration.findMany({
      where: { serialNumber: owner.serial },
      select: { deviceLibraryId: true },
    });
    expect(kept.map((r) => r.deviceLibraryId).sort()).toEqual(devices.slice(2).sort());
  });

  it("refuses a suspended driver's pass: no new device, no fresh copy", async () => {
    const driver = await driverWithPass();
    const d = device();
    expect((await registerAs(d, driver.serial, driver.token)).status).toBe(201);
    await testDb.user.update({ where: { id: driver.id }, data: { status: "SUSPENDED" } });
    expect((await fetchPass(driver.serial, driver.token)).status).toBe(401);
    expect((await registerAs(device(), driver.serial, driver.token)).status).toBe(401);
  });

  it("ignores an If-Modified-Since that is not an HTTP date or lies in the future", async () => {
    const owner = await driverWithPass();
    expect((await fetchPass(owner.serial, owner.token, "2030")).status).toBe(200);
    expect((await fetchPass(owner.serial, owner.token, "Fri, 31 Dec 9999 23:59:59 GMT")).status).toBe(200);
    // an hour ahead: a date a second ahead (whole seconds) is in the past by the time a busy server reads it
    const soon = new Date(Date.now() + 3_600_000).toUTCString();
    expect((await fetchPass(owner.serial, owner.token, soon)).status).toBe(200);
  });
  it("a stranger's refused fetches of a public serial do not spend the owner's budget", async () => {
    const victim = await driverWithPass();
    const refused = [];
    for (let i = 0; i < 65; i++) refused.push((await fetchPass(victim.serial, "x".repeat(43))).status);
    // (refusals earlier in this file came from the same address and count too)
    expect(refused.every((s) => s === 401 || s === 429)).toBe(true);
    expect(refused.at(-1)).toBe(429); // the stranger's address is slowed down…
    expect((await fetchPass(victim.serial, victim.token)).status).toBe(200); // …the pass is not
  });
});
