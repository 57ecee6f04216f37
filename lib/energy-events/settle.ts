import "server-only";
import { awardCampaignsInTx } from "@/lib/campaigns";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { accounts, postInTx, riskHoldInTx, runMoneyTx } from "@/lib/ledger";
import { notifyInTx } from "@/lib/notifications";
import { judgeParticipation, type EventTerms, type Judgement } from "./judge";
import { unsafeCarReadings } from "./readings";
import { novaWords, windowWords } from "./words";

export type SettleOutcome = "EARNED" | "NOT_EARNED" | "NOT_VERIFIED" | "HELD" | "already settled";

/** The ledger key of an event's bonus to one driver: whoever settles, however often, it is paid once. */
export const energyEventKey = (eventId: string, driverId: string) => `energy-event:${eventId}:${driverId}`;

type Event = EventTerms & { id: string; name: string };
type Entry = { id: string; driverId: string; event: Event };

/**
 * Judges one participation from the car's readings (outside the transaction: they are read-only
 * history by now), then decides it in one money transaction: the participation row is locked and
 * must still be open (a concurrent or repeated settle finds it decided and does nothing), the
 * event row is locked for its budget, the bonus is posted, and campaigns on the "energy_event"
 * trigger are evaluated on top by the rewards engine.
 */
export async function unsafeSettleParticipation(p: Entry) {
  const zone = config().BUSINESS_TIME_ZONE;
  const judgement = judgeParticipation(p.event, await unsafeCarReadings(p.driverId, p.event), zone);
  return runMoneyTx(async (tx): Promise<SettleOutcome> => {
    const [open] = await tx.$queryRaw<{ status: string }[]>`
      SELECT "status" FROM "EnergyEventParticipation" WHERE "id" = ${p.id} FOR UPDATE`;
    if (!open || (open.status !== "OPTED_IN" && open.status !== "HELD")) return "already settled";
    if (judgement.status !== "EARNED") return decide(tx, p, judgement.status, judgement, 0, null);
    if (await riskHoldInTx(tx, p.driverId)) {
      const waiting = "waiting: your account is under review; the bonus is decided when the review ends";
      await tx.energyEventParticipation.update({ where: { id: p.id }, data: { status: "HELD", reason: waiting } });
      return "HELD";
    }
    return pay(tx, p, judgement, zone);
  });
}

async function pay(tx: Tx, p: Entry, j: Judgement, zone: string): Promise<SettleOutcome> {
  const [budget] = await tx.$queryRaw<{ spentNova: number; budgetNova: number | null }[]>`
    SELECT "spentNova", "budgetNova" FROM "EnergyEvent" WHERE "id" = ${p.event.id} FOR UPDATE`;
  const left = budget.budgetNova === null ? Infinity : budget.budgetNova - budget.spentNova;
  const nova = Math.max(0, Math.min(j.nova, left));
  if (nova === 0) {
    const reason = `not earned: the event's budget was used up (you would have earned ${novaWords(j.nova)})`;
    return decide(tx, p, "NOT_EARNED", { ...j, reason }, 0, null);
  }
  await tx.$executeRaw`UPDATE "EnergyEvent" SET "spentNova" = "spentNova" + ${nova}, "updatedAt" = now() WHERE "id" = ${p.event.id}`;
  const label = `${p.event.name}, energy event ${windowWords(p.event, zone)}`;
  const posted = await postInTx(tx, {
    idempotencyKey: energyEventKey(p.event.id, p.driverId),
    type: "ENERGY_EVENT_REWARD",
    reason: label,
    request: { eventId: p.event.id, driverId: p.driverId, nova },
    metadata: { eventId: p.event.id, participationId: p.id, kwh: j.kwh, nova },
    lines: [
      { account: accounts.novaIssuance(), amount: -BigInt(nova) },
      { account: accounts.driverNova(p.driverId), amount: BigInt(nova) },
    ],
  });
  const reason = nova < j.nova ? `${j.reason}; paid ${novaWords(nova)}, the last of the event's budget` : j.reason;
  const outcome = await decide(tx, p, "EARNED", { ...j, reason }, nova, posted.transactionId);
  await awardCampaignsInTx(tx, {
    trigger: "energy_event",
    id: p.id,
    driverId: p.driverId,
    occurredAt: p.event.startsAt,
    kwh: j.kwh,
    baseNova: nova,
  });
  return outcome;
}

async function decide(
  tx: Tx,
  p: Entry,
  status: "EARNED" | "NOT_EARNED" | "NOT_VERIFIED",
  j: Judgement,
  nova: number,
  transactionId: string | null,
) {
  await tx.energyEventParticipation.update({
    where: { id: p.id },
    data: { status, kwhInWindow: j.kwh, nova, reason: j.reason, settledAt: new Date(), transactionId },
  });
  const sentence = j.reason.charAt(0).toUpperCase() + j.reason.slice(1);
  await notifyInTx(tx, p.driverId, {
    kind: "event_result",
    subjectId: p.event.id,
    title: `${p.event.name}: ${status === "EARNED" ? `you earned ${novaWords(nova)}` : "your result"}`,
    body: `${sentence}.`,
    link: `/app#event-${p.event.id}`,
  });
  return status;
}
