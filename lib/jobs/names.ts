/**
 * Every job's name, apart from its handler: enqueueing needs only the names, and the handlers
 * (handlers.ts) reach into every domain, so a module that queues a job does not load them all.
 */
export const JOB_NAMES = [
  "verify-session",
  "poll-telemetry",
  "close-stale-sessions",
  "demo-accrual",
  "release-expired-holds",
  "submit-payout",
  "reverse-payout",
  "payout-notice",
  "sweep-payouts",
  "reconcile-payouts",
  "refresh-square-tokens",
  "release-purchase-rewards",
  "sweep-risk",
  "fund-waiting-purchases",
  "purchase-merchant-notice",
  "import-chargers",
  "purge-place-coordinates",
  "sync-wallet-passes",
  "check-wallet-certificate",
  "check-ledger",
  "expire-nova",
  "announce",
  "settle-energy-events",
  "poll-event-telemetry",
] as const;

export type JobName = (typeof JOB_NAMES)[number];

// "short": at most one queued job per singleton key, so a burst of wake-ups coalesces into one run.
export const QUEUE_POLICIES: Partial<Record<JobName, "short">> = { "sync-wallet-passes": "short", announce: "short" };
