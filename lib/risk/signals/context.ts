import type { Finding } from "../finding";

export type DriverFacts = { id: string; email: string | null; phone: string | null; createdAt: Date };
export type SignalContext = {
  driver: DriverFacts;
  now: Date;
  /** Set when the evaluation runs for a cash-out being requested now. */
  cashOut?: { at: Date; cents: number };
};
export type Detector = (ctx: SignalContext, thresholds: Record<string, number>) => Promise<Finding | null>;

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);
/** How far back the activity rules look. */
export const ACTIVITY_DAYS = 7;
