import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCampaign, setCampaignEnabled, setCampaignStatus } from "@/lib/campaigns";
import { createEnergyEvent, localDate } from "@/lib/energy-events";
import { announceCampaign, listNotifications, unsafeAnnounceEnergyEvent } from "@/lib/notifications";
import { SINCE } from "../support/campaigns";
import { asAdmin, asDriver, createUser, fakeMeta, testDb } from "../support/factories";

// Issue 16's probe: the notice of a paused, switched-off or ended campaign still promised its bonus.
// A notice stays (it is what the driver was told) but is listed with where its subject stands now:
// no driver reads a live promise of a bonus that no longer pays. The same for a cancelled, started,
// over or spent energy event.

const DAY = 86_400_000;
/** The driver's notice with this title, as the notifications page lists it (at `now`). */
const listed = async (driverId: string, title: string, now?: Date) =>
  (await listNotifications(asDriver(driverId), 50, now)).find((n) => n.title === title);

async function liveCampaign(
  limits: Record<string, unknown> = {},
  effects: unknown[] = [{ kind: "bonus_nova", nova: 50 }],
) {
  const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
  const name = `Standing ${randomUUID().slice(0, 8)}`;
  const campaign = await createCampaign(
    admin,
    {
      definition: {
        name,
        trigger: "session_verified",
        conditions: { segment: "new", segmentDays: 30 },
        limits: { startsAt: SINCE.toISOString(), ...limits },
        effects,
      },
    },
    fakeMeta(),
  );
  await setCampaignStatus(admin, campaign.id, "LIVE", fakeMeta());
  return { admin, campaign, name };
}

describe("a notice says where its campaign or event stands now", () => {
  it("a paused, switched-off or ended campaign's notice says it pays nothing, and strikes nothing while it is live", async () => {
    const driver = await createUser();
    const { admin, campaign, name } = await liveCampaign();
    expect((await announceCampaign(campaign.id)).told).toBeGreaterThan(0);
    expect(await listed(driver.id, name)).toMatchObject({
      body: "+50 Nova on verified charging sessions.",
      standing: null,
    });

    await setCampaignStatus(admin, campaign.id, "PAUSED", fakeMeta());
    expect((await listed(driver.id, name))?.standing).toEqual({
      label: "Paused",
      note: "This campaign is paused: it pays nothing for now.",
    });
    await setCampaignStatus(admin, campaign.id, "LIVE", fakeMeta());
    expect((await listed(driver.id, name))?.standing).toBeNull();

    // the kill switch reads as paused to a driver
    await setCampaignEnabled(admin, campaign.id, false, fakeMeta());
    expect((await listed(driver.id, name))?.standing?.label).toBe("Paused");
    await setCampaignEnabled(admin, campaign.id, true, fakeMeta());

    await setCampaignStatus(admin, campaign.id, "ENDED", fakeMeta());
    expect((await listed(driver.id, name))?.standing).toEqual({
      label: "Ended",
      note: "This campaign has ended: it no longer pays.",
    });
  });

  it("a campaign past its end date, or out of budget, reads as ended", async () => {
    const driver = await createUser();
    const ends = new Date(Date.now() + 2 * DAY);
    const dated = await liveCampaign({ endsAt: ends.toISOString() });
    await announceCampaign(dated.campaign.id);
    expect((await listed(driver.id, dated.name))?.standing).toBeNull();
    expect((await listed(driver.id, dated.name, new Date(ends.getTime() + 1)))?.standing?.label).toBe("Ended");

    const budgeted = await liveCampaign({ budgetNova: 100 });
    await announceCampaign(budgeted.campaign.id);
    await testDb.campaign.update({ where: { id: budgeted.campaign.id }, data: { spentNova: 100 } });
    expect((await listed(driver.id, budgeted.name))?.standing).toEqual({
      label: "Ended",
      note: "This campaign's budget is used up: it no longer pays.",
    });
  });

  it("a cancelled, started or finished energy event's notice says so; an upcoming one's promise stands", async () => {
    const driver = await createUser();
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const date = localDate(new Date(Date.now() + 2 * DAY), "America/Chicago");
    const name = `Standing event ${randomUUID().slice(0, 6)}`;
    const event = await createEnergyEvent(
      admin,
      { name, kind: "CHARGE", date, startTime: "01:00", endTime: "05:00", bonus: "per_kwh", amount: 10 },
      fakeMeta(),
    );
    await unsafeAnnounceEnergyEvent(event.id);
    const title = `Energy event: ${name}`;
    expect((await listed(driver.id, title))?.standing).toBeNull();
    expect((await listed(driver.id, title, new Date(event.startsAt.getTime() + 60_000)))?.standing?.label).toBe(
      "Started",
    );
    expect((await listed(driver.id, title, event.endsAt))?.standing?.label).toBe("Over");
    await testDb.energyEvent.update({ where: { id: event.id }, data: { status: "CANCELLED" } });
    expect((await listed(driver.id, title))?.standing).toEqual({
      label: "Cancelled",
      note: "This event was cancelled: it pays nothing.",
    });
  });
});
