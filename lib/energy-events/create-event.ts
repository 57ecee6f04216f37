import "server-only";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jobsReady } from "@/lib/jobs";
import { requestAnnouncementInTx } from "@/lib/notifications";
import { parseForPerson } from "@/lib/validation";
import { energyEventInput, eventWindow, MAX_WINDOW_HOURS, MIN_WINDOW_MINUTES } from "./definition";

/** Drivers need time to hear of an event and opt in before its window opens. */
export const MIN_LEAD_MINUTES = 10;

const refuse = (message: string) => new AppError("invalid_input", message);

/**
 * An admin's new energy event, with its announcement asked for in the same transaction (the
 * announce job tells the drivers after the commit). Its terms never change afterwards: drivers
 * opt in to what they were told.
 */
export async function createEnergyEvent(actor: Actor, raw: unknown, meta: RequestMeta, now = new Date()) {
  assertCan(actor, "admin:campaigns");
  const parsed = parseForPerson(energyEventInput, raw);
  if (!parsed.success) throw refuse(`The event is not valid: ${parsed.error.issues[0].message}`);
  const input = parsed.data;
  const zone = config().BUSINESS_TIME_ZONE;
  const { startsAt, endsAt } = eventWindow(input, zone);
  if (startsAt.getTime() < now.getTime() + MIN_LEAD_MINUTES * 60_000)
    throw refuse(
      `Start the window at least ${MIN_LEAD_MINUTES} minutes from now (${zone} time), so drivers can opt in.`,
    );
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (minutes < MIN_WINDOW_MINUTES || minutes > MAX_WINDOW_HOURS * 60)
    throw refuse(`Make the window ${MIN_WINDOW_MINUTES} minutes to ${MAX_WINDOW_HOURS} hours long.`);
  await jobsReady(); // the announcement's wake-up is queued inside the transaction
  const created = db().$transaction(async (tx) => {
    const event = await tx.energyEvent.create({
      data: {
        name: input.name,
        description: input.description || null,
        kind: input.kind,
        startsAt,
        endsAt,
        novaPerKwh: input.bonus === "per_kwh" ? input.amount : null,
        fixedNova: input.bonus === "fixed" ? input.amount : null,
        minKwh: input.minKwh,
        budgetNova: input.budgetNova ?? null,
        createdById: actor.userId,
      },
    });
    await recordAudit(
      {
        action: "energy_event.created",
        actorId: actor.userId,
        targetType: "energy_event",
        targetId: event.id,
        metadata: { ...input, startsAt, endsAt },
        ...meta,
      },
      tx,
    );
    await requestAnnouncementInTx(tx, "energy_event", event.id);
    return event;
  });
  return created.catch((err) => {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new AppError(
        "event_state",
        `"${input.name}" is already scheduled for that window: nothing new was created or announced.`,
      );
    throw err;
  });
}
