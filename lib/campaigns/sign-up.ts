import "server-only";
import type { Tx } from "@/lib/db";
import { awardCampaignsInTx, type CampaignOutcome } from "./award";

/**
 * A driver account was just created in this transaction: its sign_up campaigns pay with it. The
 * trigger id is the driver, so each campaign pays a driver once however often this runs.
 */
export function awardSignUpCampaignsInTx(tx: Tx, driver: { id: string; createdAt: Date }): Promise<CampaignOutcome[]> {
  return awardCampaignsInTx(tx, {
    trigger: "sign_up",
    id: driver.id,
    driverId: driver.id,
    occurredAt: driver.createdAt,
  });
}
