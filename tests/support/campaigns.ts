import { createCampaign, setCampaignStatus, type CampaignDefinitionInput } from "@/lib/campaigns";
import { runMoneyTx } from "@/lib/ledger";
import { makeRewardAvailable, postPendingReward } from "@/lib/rewards";
import { asAdmin, createUser, fakeMeta, testDb, uid } from "./factories";

export const SINCE = new Date("2026-01-01T00:00:00Z");

/** A live program-wide campaign made through the domain functions, as an admin would; limited to one charger so tests never pay each other's sessions. */
export async function liveCampaign(
  chargerId: string,
  definition: Partial<CampaignDefinitionInput> & Pick<CampaignDefinitionInput, "effects">,
) {
  const admin = await createUser({ role: "ADMIN" });
  const actor = asAdmin(admin.id);
  const full = {
    name: "Test bonus",
    trigger: "session_verified" as const,
    limits: { startsAt: SINCE },
    ...definition,
    conditions: { ...definition.conditions, chargerIds: [chargerId] },
  };
  const campaign = await createCampaign(actor, { definition: full }, fakeMeta());
  await setCampaignStatus(actor, campaign.id, "LIVE", fakeMeta());
  return { campaign, admin, actor, definition: full };
}

export async function charger() {
  return testDb.charger.create({
    data: {
      externalId: `c-${uid()}`,
      name: "Mueller Plaza",
      address: "1 Test St",
      latitude: 20 + Math.random() * 40,
      longitude: -120 + Math.random() * 50,
    },
  });
}

/** A verified session of 20 kWh (200 Nova at the default rules), started at `startedAt`. */
export async function verifiedSession(
  driverId: string,
  chargerId: string,
  startedAt = new Date(Date.now() - 3600_000),
) {
  return testDb.chargingSession.create({
    data: {
      driverId,
      chargerId,
      status: "VERIFIED",
      startedAt,
      endedAt: new Date(startedAt.getTime() + 30 * 60_000),
      verifiedAt: new Date(),
      kwhDelivered: 20,
    },
  });
}

/** As verification does: under the session's row lock, the reward posted pending and made available in one money transaction. */
export const payVerified = (s: { id: string; driverId: string }) =>
  runMoneyTx(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "ChargingSession" WHERE "id" = ${s.id} FOR UPDATE`;
    const target = {
      id: s.id,
      driverId: s.driverId,
      chargerName: "Mueller Plaza",
      isPartner: false,
      kwhDelivered: 20,
      batteryGained: null,
    };
    await postPendingReward(tx, target);
    return makeRewardAvailable(tx, target);
  });

export const awardsOf = (campaignId: string) => testDb.campaignAward.findMany({ where: { campaignId } });
export const campaignRow = (campaignId: string) => testDb.campaign.findUniqueOrThrow({ where: { id: campaignId } });

export async function drivers(n: number) {
  const ids = Array.from({ length: n }, () => `drv-${uid()}${uid()}`);
  await testDb.user.createMany({ data: ids.map((id) => ({ id, email: `${id}@test.local`, name: id })) });
  return ids;
}
