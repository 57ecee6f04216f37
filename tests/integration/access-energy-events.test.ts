import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getEnergyEvent, listEnergyEvents } from "@/lib/energy-events";
import { listNotifications } from "@/lib/notifications";
import { actAs, refusedWith, run } from "../support/actions";
import { pastEvent } from "../support/energy-events";
import { asDriver, asMerchant, createUser, signedIn, testDb } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";

// Energy events and notices: every action signed out and with the wrong role is refused and changes
// nothing; admin reads refuse drivers; a driver's notices are their own.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { createEnergyEventAction } = await import("@/lib/actions/admin/create-energy-event");
const { settleEnergyEventAction } = await import("@/lib/actions/admin/settle-energy-event");
const { setEventParticipationAction } = await import("@/lib/actions/driver/set-event-participation");
const { markNoticesReadAction } = await import("@/lib/actions/driver/mark-notices-read");
const { setEmailNoticesAction } = await import("@/lib/actions/account/set-email-notices");

keepLedgerSound();
afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const newEvent = {
  name: "Sneaky event",
  kind: "CHARGE",
  date: "2099-01-01",
  startTime: "01:00",
  endTime: "05:00",
  bonus: "per_kwh",
  amount: "10",
};

describe("energy events and notices: who may do what", () => {
  it("refuses signed-out callers and drivers the admin actions, and signed-out callers the driver's", async () => {
    const { event } = await pastEvent("2026-07-01");
    const before = await testDb.energyEvent.count();
    expect(await run(createEnergyEventAction, newEvent)).toEqual(refusedWith("unauthorized"));
    expect(await run(settleEnergyEventAction, { eventId: event.id })).toEqual(refusedWith("unauthorized"));
    expect(await run(setEventParticipationAction, { eventId: event.id, choice: "in" })).toEqual(
      refusedWith("unauthorized"),
    );
    expect(await run(markNoticesReadAction, {})).toEqual(refusedWith("unauthorized"));
    expect(await run(setEmailNoticesAction, { email: "on" })).toEqual(refusedWith("unauthorized"));

    const driver = await createUser();
    actAs((await signedIn(driver.id)).sessionToken);
    expect(await run(createEnergyEventAction, newEvent)).toEqual(refusedWith("forbidden"));
    expect(await run(settleEnergyEventAction, { eventId: event.id })).toEqual(refusedWith("forbidden"));
    expect(await testDb.energyEvent.count()).toBe(before);
    expect(await testDb.energyEventParticipation.count({ where: { driverId: driver.id } })).toBe(0);
    await expect(listEnergyEvents(asDriver(driver.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getEnergyEvent(asMerchant(driver.id), event.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an admin's form input is validated with sentences; a driver reads and marks only their own notices", async () => {
    const admin = await createUser({ role: "ADMIN" });
    actAs((await signedIn(admin.id)).sessionToken);
    expect(await run(createEnergyEventAction, { ...newEvent, kind: "PAUSE", amount: "0" })).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "invalid_input",
        fields: expect.objectContaining({ amount: "Enter 1 to 10,000 Nova." }),
      }),
    });
    const [me, other] = [await createUser(), await createUser()];
    for (const u of [me, other])
      await testDb.notification.create({
        data: { userId: u.id, kind: "campaign", subjectId: "c1", title: "Hi", body: "There" },
      });
    actAs((await signedIn(me.id)).sessionToken);
    expect(await run(markNoticesReadAction, {})).toEqual({ ok: true, data: { marked: 1 } });
    expect(await testDb.notification.count({ where: { userId: other.id, readAt: null } })).toBe(1);
    expect((await listNotifications(asDriver(me.id))).map((n) => n.title)).toEqual(["Hi"]);
  });
});
