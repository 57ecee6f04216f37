import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { unsafeEvaluateSession } from "@/lib/charging";
import { releaseExpiredHolds } from "@/lib/merchants";
import { unsafeRefreshTelemetry } from "@/lib/vehicles";
import {
  unsafeAdvancePayout,
  unsafeReconcilePayouts,
  unsafeReverseFailedPayout,
  unsafeSendPayoutNotice,
  unsafeSweepPayouts,
  type NoticeKind,
} from "@/lib/payouts";
import {
  unsafeFundWaitingPurchases,
  unsafeReleaseDuePurchaseRewards,
  unsafeSendMerchantNotice,
  type MerchantNoticeKind,
} from "@/lib/purchases";
import { checkLedgerNow } from "@/lib/ledger";
import { logger } from "@/lib/observability";
import { unsafeSweepRisk } from "@/lib/risk";
import { runChargerImport } from "@/lib/charger-import";
import { purgeExpiredPlaceCoordinates } from "@/lib/nearby-places";
import { unsafeRefreshDueSquareTokens } from "@/lib/square";
import { logWalletCertificateStatus, unsafeSyncWalletPasses } from "@/lib/wallet";
import { unsafeRunNovaExpiry } from "@/lib/nova-expiry";
import { unsafePollEventTelemetry, unsafeSettleDueEvents } from "@/lib/energy-events";
import { unsafeRunAnnouncements } from "@/lib/notifications";
import type { JobName } from "./names";

const HOUR = 3600_000;

// Every job is safe to run twice: the work it does is idempotent or decided by the database.
export const JOBS = {
  /** Confirms an ended session once the car's final report is in (retried by the queue). */
  "verify-session": async (data: { sessionId: string }) => {
    const session = await db().chargingSession.findUnique({
      where: { id: data.sessionId },
      select: { vehicleId: true },
    });
    if (session?.vehicleId) await unsafeRefreshTelemetry(session.vehicleId, { force: true }).catch(() => undefined);
    return unsafeEvaluateSession(data.sessionId, { end: true });
  },
  /** Reads the cars of active sessions (the cache keeps parked cars from being woken). */
  "poll-telemetry": async () => {
    const active = await db().chargingSession.findMany({
      where: { status: "ACTIVE", vehicleId: { not: null } },
      select: { vehicleId: true, startedAt: true },
      take: 200,
    });
    for (const { vehicleId, startedAt } of active) {
      await unsafeRefreshTelemetry(vehicleId!, { since: startedAt }).catch((err) =>
        logger.warn({ err, vehicleId }, "poll failed"),
      );
    }
    return { polled: active.length };
  },
  /** Ends sessions left open for 12 hours and settles the ones still waiting after 24. */
  "close-stale-sessions": async () => {
    const open = await db().chargingSession.findMany({
      where: { status: "ACTIVE", startedAt: { lt: new Date(Date.now() - 12 * HOUR) } },
      select: { id: true },
      take: 100,
    });
    for (const { id } of open) await unsafeEvaluateSession(id, { end: true });
    const waiting = await db().chargingSession.findMany({
      where: { status: "PENDING_WITNESS", endedAt: { lt: new Date(Date.now() - 24 * HOUR) } },
      select: { id: true },
      take: 100,
    });
    for (const { id } of waiting) await unsafeEvaluateSession(id, { end: true, final: true });
    return { closed: open.length, settled: waiting.length };
  },
  /**
   * Demo mode: active sessions with the simulated car move on by themselves each minute (the
   * car's battery rises and the session's status text updates) without the driver's app open.
   */
  "demo-accrual": async () => {
    if (!config().DEMO_MODE) return { skipped: "DEMO_MODE is off" };
    const active = await db().chargingSession.findMany({
      where: { status: "ACTIVE", vehicle: { provider: "SANDBOX" } },
      select: { id: true, vehicleId: true },
      take: 200,
    });
    for (const s of active) {
      await unsafeRefreshTelemetry(s.vehicleId!, { force: true });
      await unsafeEvaluateSession(s.id);
    }
    return { advanced: active.length };
  },
  /** Returns held Nova of redemption codes that ran out. */
  "release-expired-holds": async () => ({ released: await releaseExpiredHolds() }),
  /** Sends a cash-out to Stripe: transfer, then payout, each with its own derived Idempotency-Key. */
  "submit-payout": async (data: { payoutId: string }) => ({ state: await unsafeAdvancePayout(data.payoutId) }),
  /** Pulls a failed payout's money back from the connected account, then returns it to the driver. */
  "reverse-payout": async (data: { payoutId: string }) => ({ result: await unsafeReverseFailedPayout(data.payoutId) }),
  /** The email after a cash-out is paid, fails or is returned. */
  "payout-notice": async (data: { payoutId: string; kind: NoticeKind }) => ({
    result: await unsafeSendPayoutNotice(data.payoutId, data.kind),
  }),
  /** Advances payouts whose job gave up and re-reads those past their arrival date (lost webhooks). */
  "sweep-payouts": async () => unsafeSweepPayouts(),
  /** Compares Stripe's transfers and payouts with ours; mismatches go to admins, the metrics and the log. */
  "reconcile-payouts": async () => {
    const { checked, mismatches } = await unsafeReconcilePayouts();
    return { checked, mismatches: mismatches.length };
  },
  /** Renews Square grants last refreshed SQUARE_REFRESH_AFTER_DAYS ago or ending within 8 days, one at a time. */
  "refresh-square-tokens": async () => unsafeRefreshDueSquareTokens(),
  /** Purchase rewards whose refund window closed become available to their drivers. */
  "release-purchase-rewards": async () => unsafeReleaseDuePurchaseRewards(),
  /** Abuse rules over the drivers active in the last 15 minutes (cash-outs evaluate on their own). */
  "sweep-risk": async () => unsafeSweepRisk(),
  /** Pays purchase rewards waiting for a merchant's funds (after a top-up, and as a sweep). */
  "fund-waiting-purchases": async (data: { merchantId?: string } = {}) => unsafeFundWaitingPurchases(data?.merchantId),
  /** The owners' "waiting for funds" / "low balance" email, at most once a day per merchant each. */
  "purchase-merchant-notice": async (data: { merchantId: string; kind: MerchantNoticeKind }) => ({
    result: await unsafeSendMerchantNotice(data.merchantId, data.kind),
  }),
  /** Refreshes chargers from NREL for NREL_REGIONS (nothing without NREL_API_KEY); stops on a 429 and keeps the data. */
  "import-chargers": async () => runChargerImport(),
  /** Forgets Google Places coordinates older than 30 days (Google's terms); the place ids stay. */
  "purge-place-coordinates": async () => purgeExpiredPlaceCoordinates(),
  /** Tells wallets about changed balances (woken by the ledger's outbox; the minute sweep catches the rest). */
  "sync-wallet-passes": async () => unsafeSyncWalletPasses(),
  /** Warns once a day from 30 days before the pass certificate expires (it signs passes and pushes). */
  "check-wallet-certificate": async () => {
    const { configured, daysLeft, warning } = logWalletCertificateStatus();
    return { configured, daysLeft, warning };
  },
  /** The ledger's invariants, exported as nerava_ledger_check_* for the "ledger check failing" alert. */
  "check-ledger": async () => {
    const { violations, transactions, accounts } = await checkLedgerNow();
    if (violations.length > 0) logger.error({ violations: violations.slice(0, 20) }, "ledger check found violations");
    return { violations: violations.length, transactions, accounts };
  },
  /** Expires inactive drivers' old Nova (a ledger line each, with its reason) and emails reminders ahead, in batches. */
  "expire-nova": async () => unsafeRunNovaExpiry(),
  /** Tells drivers of launched campaigns and new energy events (the announcement outbox), in batches, in the app and by email. */
  announce: async () => unsafeRunAnnouncements(),
  /** Judges and pays energy events from the cars' telemetry once their window closed (and held drivers once released). */
  "settle-energy-events": async () => unsafeSettleDueEvents(),
  /** Reads the cars of drivers opted in to an event around its window, so the settlement has their readings. */
  "poll-event-telemetry": async () => unsafePollEventTelemetry(),
} as const satisfies Record<JobName, (data: never) => Promise<unknown>>;

export const SCHEDULES: Partial<Record<JobName, string>> = {
  "poll-telemetry": "* * * * *",
  "close-stale-sessions": "*/5 * * * *",
  "release-expired-holds": "* * * * *",
  "demo-accrual": "* * * * *",
  "sweep-payouts": "*/5 * * * *",
  "reconcile-payouts": "20 6 * * *",
  "refresh-square-tokens": "35 * * * *",
  "release-purchase-rewards": "*/5 * * * *",
  "fund-waiting-purchases": "*/5 * * * *",
  "sweep-risk": "*/5 * * * *",
  // NREL refreshes its station data about twice a month: once a day is plenty.
  "import-chargers": "10 4 * * *",
  "purge-place-coordinates": "40 4 * * *",
  "sync-wallet-passes": "* * * * *",
  "check-wallet-certificate": "0 9 * * *",
  "check-ledger": "*/30 * * * *",
  // after midnight UTC, when the day's cutoff moves (expiry days are UTC days)
  "expire-nova": "15 0 * * *",
  // the sweep behind the wake-up queued with each announcement request
  announce: "* * * * *",
  "settle-energy-events": "*/5 * * * *",
  "poll-event-telemetry": "*/5 * * * *",
};
