import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Evidence } from "./finding";
import { ruleLabel } from "./rules";

export type FlagRow = {
  id: string;
  driverId: string;
  driverEmail: string | null;
  rule: string;
  ruleLabel: string;
  summary: string;
  status: string;
  createdAt: Date;
};

const flagSelect = {
  id: true,
  driverId: true,
  rule: true,
  summary: true,
  status: true,
  createdAt: true,
  driver: { select: { email: true } },
} as const;

const toRow = (f: {
  id: string;
  driverId: string;
  rule: string;
  summary: string;
  status: string;
  createdAt: Date;
  driver: { email: string | null };
}): FlagRow => ({ ...f, driverEmail: f.driver.email, ruleLabel: ruleLabel(f.rule) });

/** The review queue: open flags, oldest first. */
export async function listOpenFlags(actor: Actor, take = 50): Promise<FlagRow[]> {
  assertCan(actor, "admin:risk");
  const flags = await db().riskFlag.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    take,
    select: flagSelect,
  });
  return flags.map(toRow);
}

/** Recently decided flags, newest first (what the queue did). */
export async function listDecidedFlags(actor: Actor, take = 20): Promise<FlagRow[]> {
  assertCan(actor, "admin:risk");
  const flags = await db().riskFlag.findMany({
    where: { status: { not: "OPEN" } },
    orderBy: { decidedAt: "desc" },
    take,
    select: flagSelect,
  });
  return flags.map(toRow);
}

export type FlagReview = FlagRow & {
  evidence: Evidence;
  decidedAt: Date | null;
  decisionReason: string | null;
  driver: { id: string; email: string | null; phone: string | null; status: string; createdAt: Date };
  otherFlags: FlagRow[];
};

/** One flag with its evidence and the driver's other flags, for deciding it. */
export async function getFlagReview(actor: Actor, flagId: string): Promise<FlagReview> {
  assertCan(actor, "admin:risk");
  const flag = await db().riskFlag.findUnique({
    where: { id: flagId },
    select: {
      ...flagSelect,
      evidence: true,
      decidedAt: true,
      decisionReason: true,
      driver: { select: { id: true, email: true, phone: true, status: true, createdAt: true } },
    },
  });
  if (!flag) throw notFound("That flag");
  const others = await db().riskFlag.findMany({
    where: { driverId: flag.driverId, id: { not: flag.id } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: flagSelect,
  });
  return {
    ...toRow(flag),
    evidence: flag.evidence as Evidence,
    decidedAt: flag.decidedAt,
    decisionReason: flag.decisionReason,
    driver: flag.driver,
    otherFlags: others.map(toRow),
  };
}

/** All of one driver's flags (the driver page). */
export async function listDriverFlags(
  actor: Actor,
  driverId: string,
): Promise<(FlagRow & { decisionReason: string | null })[]> {
  assertCan(actor, "admin:risk");
  const flags = await db().riskFlag.findMany({
    where: { driverId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { ...flagSelect, decisionReason: true },
  });
  return flags.map((f) => ({ ...toRow(f), decisionReason: f.decisionReason }));
}
