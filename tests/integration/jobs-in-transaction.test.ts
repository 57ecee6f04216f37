import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIn, checkOut } from "@/lib/charging";
import { createDb } from "@/lib/db/client";
import { enqueueInTx, jobsReady, stopWorkers } from "@/lib/jobs";
import { unsafeGetBalances } from "@/lib/ledger";
import { completeVehicleConnect, signConnectState } from "@/lib/vehicles";
import { config } from "@/lib/config";
import { asDriver, createUser, fakeMeta, testDb, uid } from "../support/factories";

// The app's own client (the one checkOut uses) for enqueueInTx's direct test.
const appDb = createDb(process.env.DATABASE_URL, 2);

beforeAll(async () => {
  await jobsReady(); // pg-boss's schema and queues exist before anything counts its rows
});
afterAll(async () => {
  await stopWorkers();
  await appDb.$disconnect();
  await testDb.$disconnect();
});

async function jobsFor(sessionId: string) {
  const rows = await testDb.$queryRawUnsafe<Array<{ n: bigint }>>(
    `SELECT count(*) AS n FROM pgboss.job WHERE name = 'verify-session' AND singleton_key = $1`,
    sessionId,
  );
  return Number(rows[0].n);
}

/** A session with the sandbox car and 15 minutes of phone pings at the charger: check-out leaves it pending. */
async function dwellingSession() {
  const driver = await createUser();
  const state = await signConnectState(config().NEXTAUTH_SECRET, driver.id);
  await completeVehicleConnect(asDriver(driver.id), { code: `sandbox-${uid()}`, state }, fakeMeta());
  const charger = await testDb.charger.create({
    data: {
      externalId: `c-${uid()}`,
      name: "Job Plaza",
      address: "1 Test St",
      latitude: 30.3029,
      longitude: -97.7062,
      radiusMeters: 150,
    },
  });
  const session = await checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta());
  const start = Date.now() - 15 * 60_000;
  await testDb.chargingSession.update({ where: { id: session.id }, data: { startedAt: new Date(start - 30_000) } });
  await testDb.locationPing.createMany({
    data: Array.from({ length: 16 }, (_, i) => ({
      sessionId: session.id,
      latitude: charger.latitude + 0.0001,
      longitude: charger.longitude,
      accuracyMeters: 12,
      recordedAt: new Date(start + i * 60_000),
    })),
  });
  return { driver, session };
}

/** Makes the check-out's last write (its audit row, after the session's end and the job) fail once. */
async function failCheckOutAuditOf(sessionId: string) {
  const name = `fail_${uid().replace(/-/g, "")}`;
  await testDb.$executeRawUnsafe(`
    CREATE FUNCTION ${name}() RETURNS trigger AS $$
    BEGIN
      IF NEW."targetId" = '${sessionId}' AND NEW."action" = 'charging.checked_out' THEN
        RAISE EXCEPTION 'injected failure before commit';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await testDb.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await testDb.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditLog"`);
    await testDb.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

describe("follow-up jobs commit with the write they follow", () => {
  it("check-out: a failure after the session ended rolls back the end, the reward and the verify job", async () => {
    const { driver, session } = await dwellingSession();
    const heal = await failCheckOutAuditOf(session.id);
    try {
      await expect(checkOut(asDriver(driver.id), session.id, fakeMeta())).rejects.toThrow(/injected failure/);
    } finally {
      await heal();
    }
    const row = await testDb.chargingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ status: "ACTIVE", endedAt: null });
    expect(await jobsFor(session.id)).toBe(0);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.pending).toBe(0n);

    // the driver taps again: the end, the pending reward and exactly one job commit together
    expect((await checkOut(asDriver(driver.id), session.id, fakeMeta())).status).toBe("PENDING_WITNESS");
    expect((await testDb.chargingSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe(
      "PENDING_WITNESS",
    );
    expect(await jobsFor(session.id)).toBe(1);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.pending).toBeGreaterThan(0n);
    const audit = await testDb.auditLog.count({ where: { action: "charging.checked_out", targetId: session.id } });
    expect(audit).toBe(1);
  });

  it("enqueueInTx: the job row exists only if the transaction commits, with its data as JSON", async () => {
    const rolledBack = `s-${uid()}`;
    await expect(
      appDb.$transaction(async (tx) => {
        expect(await enqueueInTx(tx, "verify-session", { sessionId: rolledBack })).toEqual(expect.any(String));
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await jobsFor(rolledBack)).toBe(0);

    const committed = `s-${uid()}`;
    const id = await appDb.$transaction((tx) =>
      enqueueInTx(tx, "verify-session", { sessionId: committed }, { startAfterSeconds: 30 }),
    );
    expect(await jobsFor(committed)).toBe(1);
    const [job] = await testDb.$queryRawUnsafe<
      Array<{ data: unknown; state: string; delayed: boolean; retry_limit: number }>
    >(
      `SELECT data, state::text, start_after > now() + interval '20 seconds' AS delayed, retry_limit FROM pgboss.job WHERE id = $1::uuid`,
      id,
    );
    expect(job).toEqual({ data: { sessionId: committed }, state: "created", delayed: true, retry_limit: 5 });
  });
});
