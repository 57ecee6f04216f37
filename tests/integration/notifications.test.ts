import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { POST as unsubscribePost } from "@/app/api/notifications/unsubscribe/route";
import { createCampaign, setCampaignStatus } from "@/lib/campaigns";
import { createEnergyEvent, localDate } from "@/lib/energy-events";
import { setEmailNotifications, unsafeRunAnnouncements, unsubscribeToken } from "@/lib/notifications";
import { startSmtpSink } from "../fakes/smtp-sink";
import { SINCE } from "../support/campaigns";
import { asAdmin, asDriver, createUser, fakeMeta, testDb } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";
import { call } from "../support/request";

// Mail goes to a local SMTP sink through the app's real sender (before anything reads the configuration).
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.close());
keepLedgerSound();

const noticesOf = (userId: string, kind: string, subjectId: string) =>
  testDb.notification.findMany({ where: { userId, kind, subjectId } });
const mailTo = (email: string) => sink.messages.filter((m) => m.to.includes(email));
const prefOf = async (userId: string) =>
  (await testDb.notificationPreference.findUnique({ where: { userId } }))?.email ?? false;

/**
 * The announce job until nothing is left open: it makes 20 announcements a run, oldest first, and
 * earlier files leave theirs open (they never run the job), so one run may not reach this file's.
 */
async function runAnnouncements() {
  for (let run = 0; run < 100; run++) {
    await unsafeRunAnnouncements();
    if ((await testDb.announcement.count({ where: { doneAt: null } })) === 0) return;
  }
  throw new Error("announcements still open after 100 runs");
}

async function driverWantingEmail() {
  const driver = await createUser();
  await setEmailNotifications(asDriver(driver.id), true, fakeMeta());
  return driver;
}

describe("notifications of energy events and campaigns", () => {
  // earlier files' launches and events are announced first, so they never reach this file's drivers
  beforeEach(runAnnouncements);

  it("announces a new energy event to every active driver in the app, and by email only to those who opted in, once", async () => {
    const [wanted, quiet, suspended] = [await driverWantingEmail(), await createUser(), await driverWantingEmail()];
    await testDb.user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const date = localDate(new Date(Date.now() + 2 * 86_400_000), "America/Chicago");
    const event = await createEnergyEvent(
      admin,
      { name: "Peak pause", kind: "PAUSE", date, startTime: "17:00", endTime: "19:00", bonus: "fixed", amount: 300 },
      fakeMeta(),
    );
    expect(
      await testDb.announcement.findUnique({
        where: { kind_subjectId: { kind: "energy_event", subjectId: event.id } },
      }),
    ).toMatchObject({ doneAt: null });

    await runAnnouncements();
    for (const d of [wanted, quiet]) expect(await noticesOf(d.id, "energy_event", event.id)).toHaveLength(1);
    expect(await noticesOf(suspended.id, "energy_event", event.id)).toHaveLength(0);
    const mail = await sink.waitFor(wanted.email!);
    expect(mail.subject).toBe("Energy event: Peak pause");
    expect(mail.text).toMatch(
      /^Pause charging \w{3} \d+ \w{3}, 17:00–19:00 \(charge before or after\) and earn 300 Nova\./,
    );
    const token = unsubscribeToken(wanted.id);
    expect(mail.text).toContain(`Unsubscribe (one click): http://localhost:3000/unsubscribe?token=${token}`);
    expect(mail.headers["list-unsubscribe"]).toBe(
      `<http://localhost:3000/api/notifications/unsubscribe?token=${token}>`,
    );
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mailTo(quiet.email!)).toHaveLength(0);
    expect(mailTo(suspended.email!)).toHaveLength(0);

    // a second run (a retry, or the minute sweep) tells nobody again
    await testDb.announcement.updateMany({ where: { subjectId: event.id }, data: { doneAt: null } });
    await runAnnouncements();
    expect(await noticesOf(wanted.id, "energy_event", event.id)).toHaveLength(1);
    expect(mailTo(wanted.email!)).toHaveLength(1);
  });

  it("the unsubscribe link works signed out, once (a repeat changes nothing), and a forged token is refused", async () => {
    const [driver, other] = [await driverWantingEmail(), await driverWantingEmail()];
    const path = (token: string) => `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
    const token = unsubscribeToken(driver.id);

    const forged = `${Buffer.from(other.id).toString("base64url")}.${token.split(".")[1]}`;
    const refused = await call(unsubscribePost, {
      method: "POST",
      path: path(forged),
      body: "List-Unsubscribe=One-Click",
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe("invalid_token");
    const tampered = await call(unsubscribePost, { method: "POST", path: path(`${token.slice(0, -2)}xx`) });
    expect(tampered.status).toBe(400);
    // a cut-off link (the probe's "Too small: expected string to have >=10 characters") is refused in a sentence
    const short = await call(unsubscribePost, { method: "POST", path: path("abc") });
    expect(short.status).toBe(422);
    expect((await short.json()).error.message).toBe(
      "token: This unsubscribe link is incomplete. Open it straight from the email.",
    );
    expect([await prefOf(driver.id), await prefOf(other.id)]).toEqual([true, true]);

    const first = await call(unsubscribePost, {
      method: "POST",
      path: path(token),
      body: "List-Unsubscribe=One-Click",
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ unsubscribed: true, alreadyOff: false });
    expect(await prefOf(driver.id)).toBe(false);
    const again = await call(unsubscribePost, { method: "POST", path: path(token) });
    expect(await again.json()).toEqual({ unsubscribed: true, alreadyOff: true });
    expect(await prefOf(other.id)).toBe(true);
    const audits = await testDb.auditLog.count({
      where: { action: "notifications.unsubscribed", targetId: driver.id },
    });
    expect(audits).toBe(1);
  });

  it("announces a campaign when it goes live, to the drivers its segment covers, once even if relaunched", async () => {
    const [fresh, old] = [await driverWantingEmail(), await createUser()];
    await testDb.user.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 90 * 86_400_000) } });
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const campaign = await createCampaign(
      admin,
      {
        definition: {
          name: "Welcome nights",
          trigger: "session_verified",
          conditions: { hours: { start: "01:00", end: "05:00" }, segment: "new", segmentDays: 30 },
          limits: { startsAt: SINCE.toISOString() },
          effects: [{ kind: "multiplier", factor: 2 }],
        },
      },
      fakeMeta(),
    );
    await runAnnouncements();
    expect(await noticesOf(fresh.id, "campaign", campaign.id)).toHaveLength(0); // a draft is nobody's news

    await setCampaignStatus(admin, campaign.id, "LIVE", fakeMeta());
    await runAnnouncements();
    const [notice] = await noticesOf(fresh.id, "campaign", campaign.id);
    expect(notice).toMatchObject({
      title: "Welcome nights",
      body: "2× Nova on verified charging sessions, 01:00–05:00 Central Time.",
    });
    expect(await noticesOf(old.id, "campaign", campaign.id)).toHaveLength(0);
    expect((await sink.waitFor(fresh.email!)).subject).toBe("Welcome nights");

    await setCampaignStatus(admin, campaign.id, "PAUSED", fakeMeta());
    await setCampaignStatus(admin, campaign.id, "LIVE", fakeMeta());
    await runAnnouncements();
    expect(await noticesOf(fresh.id, "campaign", campaign.id)).toHaveLength(1);
    expect(mailTo(fresh.email!)).toHaveLength(1);
    // live and program-wide, it would pay 2× on every later file's night-time session for a new driver
    await setCampaignStatus(admin, campaign.id, "ENDED", fakeMeta());
  });
});
