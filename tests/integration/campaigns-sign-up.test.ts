import { afterEach, describe, expect, it } from "vitest";
import { authOptions, consumeMagicLink, requestMagicLink, signUpWithPassword } from "@/lib/auth";
import {
  awardSignUpCampaignsInTx,
  createCampaign,
  setCampaignStatus,
  type CampaignDefinitionInput,
} from "@/lib/campaigns";
import { setFlag } from "@/lib/flags";
import { runMoneyTx, unsafeGetBalances, unsafeListStatement } from "@/lib/ledger";
import { asAdmin, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";

// Sign-up campaigns are program-wide: every live one would pay any sign-up in the run (other files'
// too), so each test ends its campaigns before it finishes.
keepLedgerSound();

const HOUR = 3_600_000;
const PASSWORD = "a long pass phrase 42";
const live: { id: string }[] = [];
let admin: ReturnType<typeof asAdmin>;

async function signUpCampaign(over: Partial<CampaignDefinitionInput> = {}) {
  admin ??= asAdmin((await createUser({ role: "ADMIN" })).id);
  const definition = {
    name: `Welcome ${uid()}`,
    trigger: "sign_up" as const,
    limits: { startsAt: new Date(Date.now() - HOUR) },
    effects: [{ kind: "bonus_nova" as const, nova: 300 }],
    ...over,
  };
  const campaign = await createCampaign(admin, { definition }, fakeMeta());
  await setCampaignStatus(admin, campaign.id, "LIVE", fakeMeta());
  live.push(campaign);
  return { campaign, label: `${definition.name}, +300 Nova` };
}
afterEach(async () => {
  for (const c of live.splice(0)) await setCampaignStatus(admin, c.id, "ENDED", fakeMeta());
  await setFlag(admin, "SIGN_UPS_ENABLED", true, fakeMeta());
});

const signUp = (email = `new-${uid()}@test.local`) =>
  signUpWithPassword({ name: "New Driver", email, password: PASSWORD }, fakeMeta());
const driverOf = (email: string) => testDb.user.findUniqueOrThrow({ where: { email } });
const awardsOf = (campaignId: string) => testDb.campaignAward.findMany({ where: { campaignId } });
const novaOf = async (driverId: string) => (await unsafeGetBalances("DRIVER", driverId)).nova.available;

describe("sign_up campaigns", () => {
  it("pay a new driver once, with the account, and the statement line names the campaign", async () => {
    const { campaign, label } = await signUpCampaign();
    const email = `new-${uid()}@test.local`;
    await signUp(email);
    const driver = await driverOf(email);
    expect(await awardsOf(campaign.id)).toEqual([
      expect.objectContaining({ trigger: "sign_up", triggerId: driver.id, driverId: driver.id, nova: 300 }),
    ]);
    expect(await novaOf(driver.id)).toBe(300n);
    const lines = await unsafeListStatement("DRIVER", driver.id);
    expect(lines.map((l) => [l.type, l.reason, l.amount, l.state])).toEqual([
      ["CAMPAIGN_REWARD", label, 300n, "available"],
    ]);
  });

  it("a retried or replayed sign-up pays once: 8 racing sign-ups of one address, then the award run again", async () => {
    const { campaign } = await signUpCampaign();
    const email = `race-${uid()}@test.local`;
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => signUp(email)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code: string }).code)).toEqual(
      Array(7).fill("email_taken"),
    );
    const driver = await driverOf(email);
    await Promise.all(Array.from({ length: 3 }, () => runMoneyTx((tx) => awardSignUpCampaignsInTx(tx, driver))));
    expect(await awardsOf(campaign.id)).toHaveLength(1);
    expect(await novaOf(driver.id)).toBe(300n);
  });

  it("a first email-link sign-in and a first Google sign-in are sign-ups too; signing in again pays nothing", async () => {
    const { campaign } = await signUpCampaign();
    const email = `link-${uid()}@test.local`;
    const useLink = async () => {
      await requestMagicLink({ email }, fakeMeta());
      const mail = await testDb.outboxMessage.findFirstOrThrow({
        where: { to: email },
        orderBy: { createdAt: "desc" },
      });
      const url = new URL(mail.link!);
      return consumeMagicLink({ email, token: url.searchParams.get("token")! }, fakeMeta());
    };
    await useLink();
    await useLink();
    const google = `google-${uid()}@test.local`;
    const created = await authOptions().adapter!.createUser!({
      id: "ignored",
      email: google,
      emailVerified: new Date(),
      name: "Gia",
    });
    expect(created).toMatchObject({ email: google, role: "DRIVER" });
    const awards = await awardsOf(campaign.id);
    expect(awards.map((a) => a.driverId).sort()).toEqual([(await driverOf(email)).id, created.id].sort());
  });

  it("pays nothing outside the campaign's window, and nothing at all while sign-ups are paused", async () => {
    const later = await signUpCampaign({ limits: { startsAt: new Date(Date.now() + 24 * HOUR) } });
    const over = await signUpCampaign({
      limits: { startsAt: new Date(Date.now() - 48 * HOUR), endsAt: new Date(Date.now() - 24 * HOUR) },
    });
    const email = `early-${uid()}@test.local`;
    await signUp(email);
    expect(await novaOf((await driverOf(email)).id)).toBe(0n);
    const now = await signUpCampaign();
    await setFlag(admin, "SIGN_UPS_ENABLED", false, fakeMeta());
    const paused = `paused-${uid()}@test.local`;
    await expect(signUp(paused)).rejects.toMatchObject({ code: "signups_disabled" });
    expect(await testDb.user.count({ where: { email: paused } })).toBe(0);
    for (const c of [later, over, now]) expect(await awardsOf(c.campaign.id)).toEqual([]);
  });
});
