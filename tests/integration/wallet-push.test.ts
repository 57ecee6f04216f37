import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeApns } from "../fakes/apns";
import { makeWalletCerts } from "../support/wallet-certs";
import { asAdmin, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { closeConnections } from "../support/ledger";

// Pass updates over APNs against a fake HTTP/2 APNs that demands the pass certificate: a balance
// change (a ledger posting → the outbox → the sync) pushes once per device; dead tokens lose their
// registrations (only while they still hold that token); failures keep the outbox row.

const certs = makeWalletCerts();
const apns = await startFakeApns({
  key: certs.apnsServerKey,
  cert: certs.apnsServerCert,
  ca: certs.caCert + certs.wwdrCert,
});
// set before the app first reads its configuration; the certificate as a one-line env value
Object.assign(process.env, {
  APPLE_PASS_TYPE_ID: certs.passTypeIdentifier,
  APPLE_PASS_CERT: certs.signerCert.replace(/\n/g, "\\n"),
  APPLE_PASS_KEY: certs.signerKey,
  APNS_URL: apns.url,
  APNS_CA_CERT: certs.caCert,
});
const { unsafeSyncWalletPasses, unsafePushPassUpdate, closeApnsSession, PassPushDeferred } =
  await import("@/lib/wallet");
const { grantNova } = await import("@/lib/rewards");
const { accounts, postInTx, runMoneyTx } = await import("@/lib/ledger");
const { jobsReady, stopWorkers } = await import("@/lib/jobs");
const { sendPassPush } = await import("@/lib/wallet/apns/send-push");
const { apnsSettings } = await import("@/lib/wallet/apns");

let adminId = "";
beforeAll(async () => {
  await jobsReady(); // the ledger enqueues the sync job only on a started queue
  adminId = (await createUser({ role: "ADMIN" })).id;
});
afterEach(async () => {
  apns.reset();
  await testDb.driverBalanceChange.deleteMany();
});
afterAll(async () => {
  await closeApnsSession();
  await apns.close();
  await stopWorkers();
  await closeConnections();
});

const token = () => randomBytes(32).toString("hex");

/** A driver with a pass registered on `devices` devices (pass tokens may repeat). */
async function driverWithPass(pushTokens: string[]) {
  const driver = await createUser();
  const serialNumber = `serial-${uid()}${uid()}`;
  await testDb.walletPass.create({ data: { userId: driver.id, serialNumber, authTokenHash: "unused-here" } });
  const registrations = [];
  for (const pushToken of pushTokens)
    registrations.push(
      await testDb.applePassRegistration.create({
        data: {
          deviceLibraryId: `device-${uid()}`,
          passTypeIdentifier: certs.passTypeIdentifier,
          serialNumber,
          pushToken,
        },
      }),
    );
  return { driver, serialNumber, registrations };
}

const grant = (driverId: string, amount = 10) =>
  grantNova(
    asAdmin(adminId),
    { driverId, amount, reason: "wallet test", idempotencyKey: `k-${uid()}${uid()}` },
    fakeMeta(),
  );
const pushesTo = (...tokens: string[]) => apns.pushes.filter((p) => tokens.includes(p.pushToken));
const outboxRow = (driverId: string) => testDb.driverBalanceChange.findUnique({ where: { driverId } });
const registrationsOf = (serialNumber: string) =>
  testDb.applePassRegistration.findMany({ where: { serialNumber }, orderBy: { createdAt: "asc" } });

async function syncJobs(): Promise<Array<{ singleton_key: string; delayed: boolean }>> {
  return testDb.$queryRawUnsafe(
    `SELECT singleton_key, start_after >= created_on + interval '1 second' AS delayed
       FROM pgboss.job WHERE name = 'sync-wallet-passes'`,
  );
}
const clearSyncJobs = () => testDb.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'sync-wallet-passes'`);

describe("a balance change pushes the pass to its devices", () => {
  it("a grant sends one empty push per device, with the pass type as topic, over the pass certificate", async () => {
    const [a, b] = [token(), token()];
    const { driver, serialNumber } = await driverWithPass([a, b]);
    const before = await testDb.walletPass.findUniqueOrThrow({ where: { serialNumber } });
    await grant(driver.id);
    expect(await outboxRow(driver.id)).not.toBeNull();

    expect(await unsafeSyncWalletPasses()).toMatchObject({ left: 0 });
    const pushes = pushesTo(a, b);
    expect(pushes.map((p) => p.pushToken).sort()).toEqual([a, b].sort());
    for (const push of pushes) {
      expect(push.topic).toBe(certs.passTypeIdentifier);
      expect(push.body).toBe("{}");
      expect(push.headers[":method"]).toBe("POST");
      expect(push.clientSubject).toMatchObject({
        UID: certs.passTypeIdentifier,
        CN: `Pass Type ID: ${certs.passTypeIdentifier}`,
      });
    }
    expect(await outboxRow(driver.id)).toBeNull();
    const after = await testDb.walletPass.findUniqueOrThrow({ where: { serialNumber } });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it("one push token registered by two devices gets one push", async () => {
    const shared = token();
    const { serialNumber } = await driverWithPass([shared, shared]);
    expect(await unsafePushPassUpdate(serialNumber)).toEqual({ sent: 1, removed: 0, failed: 0 });
    expect(pushesTo(shared)).toHaveLength(1);
  });

  it("410 Unregistered and 400 BadDeviceToken remove those registrations only", async () => {
    const [gone, bad, fine] = [token(), token(), token()];
    const { driver, serialNumber } = await driverWithPass([gone, bad, fine]);
    apns.outcome(gone, "unregistered");
    apns.outcome(bad, "bad-token");
    await grant(driver.id);
    await unsafeSyncWalletPasses();
    expect((await registrationsOf(serialNumber)).map((r) => r.pushToken)).toEqual([fine]);
    expect(pushesTo(gone, bad, fine)).toHaveLength(3); // no retries for a dead token
    expect(await outboxRow(driver.id)).toBeNull();
  });

  it("a 410 for a token the device replaced meanwhile removes nothing", async () => {
    const [old, renewed, other] = [token(), token(), token()];
    const { serialNumber, registrations } = await driverWithPass([old, other]);
    apns.outcome(old, "unregistered");
    apns.onPush = async (push) => {
      // the device registers again with a new token while APNs is answering for the old one
      if (push.pushToken === old)
        await testDb.applePassRegistration.update({ where: { id: registrations[0].id }, data: { pushToken: renewed } });
    };
    expect(await unsafePushPassUpdate(serialNumber)).toEqual({ sent: 1, removed: 0, failed: 0 });
    expect((await registrationsOf(serialNumber)).map((r) => r.pushToken)).toEqual([renewed, other]);
  });

  it.each(["server-error", "too-many"] as const)(
    "%s keeps the outbox row and the registration; a later sweep pushes",
    async (failure) => {
      const [flaky, steady] = [token(), token()];
      const { driver, serialNumber } = await driverWithPass([flaky, steady]);
      apns.outcome(flaky, failure);
      await grant(driver.id);
      const first = await unsafeSyncWalletPasses();
      expect(first.left).toBeGreaterThanOrEqual(1);
      expect(await outboxRow(driver.id)).not.toBeNull();
      expect(pushesTo(flaky).length).toBe(3); // the first try and two short in-process retries
      expect(await registrationsOf(serialNumber)).toHaveLength(2);

      apns.reset(); // APNs recovers
      await unsafeSyncWalletPasses();
      expect(await outboxRow(driver.id)).toBeNull();
      expect(pushesTo(flaky)).toHaveLength(1);
      expect(pushesTo(steady)).toHaveLength(1);
    },
  );

  it("a push APNs never answers times out and is deferred, the registration kept", async () => {
    const [silent, steady] = [token(), token()];
    const { serialNumber } = await driverWithPass([silent, steady]);
    apns.outcome(silent, "hang");
    const push = unsafePushPassUpdate(serialNumber, { timeoutMs: 300 });
    await expect(push).rejects.toBeInstanceOf(PassPushDeferred);
    await expect(push).rejects.toMatchObject({ result: { sent: 1, removed: 0, failed: 1 } });
    expect(pushesTo(silent)).toHaveLength(1); // a timeout waits for the next sweep, not an in-process retry
    expect(await registrationsOf(serialNumber)).toHaveLength(2);
    // the connection is still good for the next push
    apns.outcome(silent, "ok");
    expect(await unsafePushPassUpdate(serialNumber)).toEqual({ sent: 2, removed: 0, failed: 0 });
  });
});

describe("one push when APNs cannot be reached or the client cannot be used", () => {
  it("an unreachable APNs is retried later; an unusable key is rejected at once", async () => {
    const settings = apnsSettings()!;
    const unreachable = await sendPassPush({ ...settings, url: "https://127.0.0.1:1" }, token(), { retries: 0 });
    expect(unreachable.kind).toBe("retry_later");
    const unusable = await sendPassPush({ ...settings, key: "not a key" }, token(), { retries: 0 });
    expect(unusable).toMatchObject({ kind: "rejected", reason: expect.stringMatching(/not usable/) });
  });

  it("a client certificate APNs does not trust never gets a push through", async () => {
    const stranger = makeWalletCerts();
    const outcome = await sendPassPush(
      { ...apnsSettings()!, cert: stranger.signerCert, key: stranger.signerKey },
      token(),
      { retries: 0, timeoutMs: 2_000 },
    );
    expect(outcome.kind).not.toBe("sent");
    expect(apns.pushes).toHaveLength(0);
  });
});

describe("the outbox coalesces postings and keeps changes made during a sync", () => {
  it("20 postings in a burst leave one outbox row, wake the job once and push once per device", async () => {
    const [a, b] = [token(), token()];
    const { driver } = await driverWithPass([a, b]);
    await clearSyncJobs();
    await Promise.all(Array.from({ length: 20 }, () => grant(driver.id, 5)));
    expect(await testDb.driverBalanceChange.count({ where: { driverId: driver.id } })).toBe(1);
    expect(await syncJobs()).toEqual([{ singleton_key: "wallet", delayed: true }]);
    const balance = await testDb.ledgerAccount.findFirstOrThrow({
      where: { ownerType: "DRIVER", ownerId: driver.id, kind: "AVAILABLE", currency: "NOVA" },
    });
    expect(balance.balance).toBe(100n);

    await unsafeSyncWalletPasses();
    expect(pushesTo(a)).toHaveLength(1);
    expect(pushesTo(b)).toHaveLength(1);
    expect(await outboxRow(driver.id)).toBeNull();
  });

  it("a posting during the sync moves changedAt: the row survives the delete and gets another round", async () => {
    const [a, b] = [token(), token()];
    const { driver } = await driverWithPass([a, b]);
    await grant(driver.id);
    let postedMeanwhile = false;
    apns.onPush = async () => {
      if (postedMeanwhile) return;
      postedMeanwhile = true;
      await grant(driver.id);
    };
    await unsafeSyncWalletPasses();
    expect(postedMeanwhile).toBe(true);
    expect(await outboxRow(driver.id)).not.toBeNull();
    expect(pushesTo(a, b)).toHaveLength(2);

    await unsafeSyncWalletPasses();
    expect(pushesTo(a, b)).toHaveLength(4);
    expect(await outboxRow(driver.id)).toBeNull();
    await unsafeSyncWalletPasses();
    expect(pushesTo(a, b)).toHaveLength(4);
  });

  it("the job is enqueued in the posting's transaction: never after a rollback, once for a new row", async () => {
    const { driver } = await driverWithPass([token()]);
    await clearSyncJobs();
    const lines = [
      { account: accounts.novaIssuance(), amount: -7n },
      { account: accounts.driverNova(driver.id), amount: 7n },
    ];
    await expect(
      runMoneyTx(async (tx) => {
        await postInTx(tx, { idempotencyKey: `rb-${uid()}`, type: "GRANT", reason: "rolled back", request: {}, lines });
        throw new Error("rollback after the posting");
      }),
    ).rejects.toThrow("rollback after the posting");
    expect(await outboxRow(driver.id)).toBeNull();
    expect(await syncJobs()).toEqual([]);

    await grant(driver.id);
    expect(await outboxRow(driver.id)).not.toBeNull();
    expect(await syncJobs()).toEqual([{ singleton_key: "wallet", delayed: true }]);
    // the row is already there: a further posting moves it and wakes nothing (the minute sweep is the backstop)
    await clearSyncJobs();
    await grant(driver.id);
    expect(await syncJobs()).toEqual([]);
  });
});
