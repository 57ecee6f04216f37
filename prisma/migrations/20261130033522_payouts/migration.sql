-- CreateEnum
CREATE TYPE "PayoutState" AS ENUM ('REQUESTED', 'TRANSFER_SUBMITTED', 'TRANSFERRED', 'PAYOUT_SUBMITTED', 'PAID', 'FAILED', 'RETURNED');

-- CreateEnum
CREATE TYPE "PayoutMethod" AS ENUM ('STANDARD', 'INSTANT');

-- AlterEnum
ALTER TYPE "AccountKind" ADD VALUE 'PAYOUTS_SENT';

-- DropForeignKey
ALTER TABLE "StripeAccount" DROP CONSTRAINT "StripeAccount_userId_fkey";

-- DropIndex
DROP INDEX "Payout_idempotencyKey_key";

-- AlterTable
ALTER TABLE "Payout" DROP COLUMN "attempts",
DROP COLUMN "idempotencyKey",
DROP COLUMN "status",
ADD COLUMN     "expectedArrival" TIMESTAMP(3),
ADD COLUMN     "failureCode" TEXT,
ADD COLUMN     "feeCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "method" "PayoutMethod" NOT NULL DEFAULT 'STANDARD',
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "payoutAttempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requestKey" TEXT NOT NULL,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "settleTxId" TEXT,
ADD COLUMN     "state" "PayoutState" NOT NULL DEFAULT 'REQUESTED',
ADD COLUMN     "stripeAccountId" TEXT NOT NULL,
ADD COLUMN     "stripePayoutId" TEXT,
ADD COLUMN     "usageKey" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "StripeAccount" ADD COLUMN     "bankLast4" TEXT,
ADD COLUMN     "bankName" TEXT,
ADD COLUMN     "bankStatus" TEXT,
ADD COLUMN     "currentDeadline" TIMESTAMP(3),
ADD COLUMN     "currentlyDue" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "detailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "disabledReason" TEXT,
ADD COLUMN     "instantAvailable" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pastDue" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "syncedAt" TIMESTAMP(3),
ADD COLUMN     "transfersStatus" TEXT NOT NULL DEFAULT 'inactive',
ALTER COLUMN "stripeAccountId" DROP NOT NULL;

-- DropEnum
DROP TYPE "PayoutStatus";

-- CreateTable
CREATE TABLE "PayoutEvent" (
    "id" BIGSERIAL NOT NULL,
    "payoutId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromState" "PayoutState",
    "toState" "PayoutState",
    "stripeEventId" TEXT,
    "detail" JSONB,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayoutEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutMismatch" (
    "id" TEXT NOT NULL,
    "runDay" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payoutId" TEXT,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "PayoutMismatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PayoutEvent_payoutId_id_idx" ON "PayoutEvent"("payoutId", "id");

-- CreateIndex
CREATE INDEX "PayoutMismatch_resolvedAt_createdAt_idx" ON "PayoutMismatch"("resolvedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutMismatch_runDay_kind_subject_key" ON "PayoutMismatch"("runDay", "kind", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_settleTxId_key" ON "Payout"("settleTxId");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_stripePayoutId_key" ON "Payout"("stripePayoutId");

-- CreateIndex
CREATE INDEX "Payout_state_updatedAt_idx" ON "Payout"("state", "updatedAt");

-- CreateIndex
CREATE INDEX "Payout_createdAt_idx" ON "Payout"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_userId_requestKey_key" ON "Payout"("userId", "requestKey");

-- AddForeignKey
ALTER TABLE "StripeAccount" ADD CONSTRAINT "StripeAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutEvent" ADD CONSTRAINT "PayoutEvent_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants Prisma does not model (it leaves CHECK constraints alone when diffing).
-- The owner/kind rule learns PAYOUTS_SENT, compared as text because a value added to an enum cannot
-- be used as that enum in the transaction that added it.
ALTER TABLE "LedgerAccount" DROP CONSTRAINT "ledger_account_owner_kind";
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "ledger_account_owner_kind" CHECK (
  ("ownerType" = 'PLATFORM') = ("kind"::text IN ('ISSUANCE', 'REWARDS_EXPENSE', 'PAYOUTS_CLEARING', 'PAYOUTS_SENT', 'FEES'))
);
ALTER TABLE "Payout" ADD CONSTRAINT "payout_amounts" CHECK ("amountCents" > 0 AND "feeCents" >= 0 AND "feeCents" < "amountCents");
-- money is back with the driver exactly when the payout reads RETURNED, and PAID only after it settled
ALTER TABLE "Payout" ADD CONSTRAINT "payout_returned_has_return" CHECK (("state" = 'RETURNED') = ("returnTxId" IS NOT NULL));
ALTER TABLE "Payout" ADD CONSTRAINT "payout_paid_has_settle" CHECK ("state" <> 'PAID' OR "settleTxId" IS NOT NULL);
ALTER TABLE "Payout" ADD CONSTRAINT "payout_attempt_non_negative" CHECK ("payoutAttempt" >= 0);
