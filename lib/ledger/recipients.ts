import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

export const suspendedRecipient = () =>
  new AppError("account_suspended", "This account is suspended: it cannot receive Nova, rewards or any other credit.");

/**
 * Inside a money transaction that credits a person: refuses a suspended account. The row is
 * share-locked, so a suspension racing the credit either waits for it or is seen by it.
 */
export async function assertActiveRecipient(tx: Tx, userId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "User" WHERE "id" = ${userId} FOR SHARE`;
  if (rows.length === 0) throw notFound("That driver");
  if (rows[0].status !== "ACTIVE") throw suspendedRecipient();
}

/** The same check for a credit that is skipped rather than refused (a job settling a reward). */
export async function isActiveRecipient(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "User" WHERE "id" = ${userId} FOR SHARE`;
  return rows[0]?.status === "ACTIVE";
}
