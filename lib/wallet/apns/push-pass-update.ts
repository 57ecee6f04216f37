import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/observability";
import { sendPassPush, type PushOptions } from "./send-push";
import { apnsSettings } from "./settings";

export type PassPushResult = { sent: number; removed: number; failed: number };

/** Thrown when some devices could not be told for now (429, 5xx, timeout): the caller keeps its outbox row. */
export class PassPushDeferred extends Error {
  constructor(readonly result: PassPushResult) {
    super(`APNs push deferred for ${result.failed} device(s); the next sweep tries again`);
    this.name = "PassPushDeferred";
  }
}

/**
 * Tells every device registered for the pass that it changed: one push per distinct push token
 * (a device can register under several library ids with one token). A dead token's
 * registrations are deleted only while they still hold that token, so a device that registered
 * again meanwhile keeps its new one. Without Apple settings nothing is sent.
 */
export async function unsafePushPassUpdate(serialNumber: string, opts: PushOptions = {}): Promise<PassPushResult> {
  const result: PassPushResult = { sent: 0, removed: 0, failed: 0 };
  const settings = apnsSettings();
  if (!settings) return result;
  const registrations = await db().applePassRegistration.findMany({
    where: { serialNumber, passTypeIdentifier: settings.topic },
    select: { id: true, pushToken: true },
  });
  const byToken = new Map<string, string[]>();
  for (const r of registrations) byToken.set(r.pushToken, [...(byToken.get(r.pushToken) ?? []), r.id]);

  let deferred = 0;
  await Promise.all(
    [...byToken].map(async ([token, ids]) => {
      const outcome = await sendPassPush(settings, token, opts);
      if (outcome.kind === "sent") result.sent += 1;
      else if (outcome.kind === "unregistered") {
        const { count } = await db().applePassRegistration.deleteMany({ where: { id: { in: ids }, pushToken: token } });
        result.removed += count;
        logger.info(
          { serialNumber, removed: count, reason: outcome.reason },
          "APNs: push token gone, registration removed",
        );
      } else {
        result.failed += 1;
        if (outcome.kind === "retry_later") deferred += 1;
        const log = outcome.kind === "rejected" ? logger.error.bind(logger) : logger.warn.bind(logger);
        log({ serialNumber, status: outcome.status, reason: outcome.reason }, `APNs push ${outcome.kind}`);
      }
    }),
  );
  if (deferred > 0) throw new PassPushDeferred(result);
  return result;
}
