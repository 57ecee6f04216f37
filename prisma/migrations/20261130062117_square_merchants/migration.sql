-- CreateEnum
CREATE TYPE "SquareConnectionStatus" AS ENUM ('CONNECTED', 'RECONNECT_REQUIRED', 'DISCONNECTED');

-- CreateEnum
CREATE TYPE "PurchaseRewardStatus" AS ENUM ('UNMATCHED', 'AWAITING_DRIVER', 'WAITING_FUNDS', 'PENDING', 'AVAILABLE', 'REVERSED', 'DECLINED');

-- CreateEnum
CREATE TYPE "MatchStrength" AS ENUM ('PHONE', 'CARD', 'CONFIRMED');

-- DropIndex
DROP INDEX "Merchant_squareMerchantId_key";

-- AlterTable
ALTER TABLE "Merchant" DROP COLUMN "squareAccessTokenEnc",
DROP COLUMN "squareLocationId",
DROP COLUMN "squareMerchantId",
DROP COLUMN "squareRefreshTokenEnc",
DROP COLUMN "squareTokenExpiresAt";

-- CreateTable
CREATE TABLE "SquareConnection" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "squareMerchantId" TEXT NOT NULL,
    "accessTokenEnc" TEXT NOT NULL,
    "refreshTokenEnc" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "scopes" TEXT[],
    "status" "SquareConnectionStatus" NOT NULL DEFAULT 'CONNECTED',
    "statusReason" TEXT,
    "connectedById" TEXT,
    "connectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refreshedAt" TIMESTAMP(3),
    "refreshLeaseUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SquareConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MerchantLocation" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "squareLocationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "timezone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MerchantLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SquareOrder" (
    "id" TEXT NOT NULL,
    "squareOrderId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "locationId" TEXT,
    "squareLocationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL,
    "customerPhone" TEXT,
    "cardFingerprint" TEXT,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SquareOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseReward" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "driverId" TEXT,
    "sessionId" TEXT,
    "strength" "MatchStrength",
    "status" "PurchaseRewardStatus" NOT NULL,
    "rewardCents" INTEGER NOT NULL DEFAULT 0,
    "feeCents" INTEGER NOT NULL DEFAULT 0,
    "releaseAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "reversedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PurchaseReward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseCandidate" (
    "id" TEXT NOT NULL,
    "rewardId" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "answer" BOOLEAN,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurchaseCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardFingerprint" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardFingerprint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SquareConnection_merchantId_key" ON "SquareConnection"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "SquareConnection_squareMerchantId_key" ON "SquareConnection"("squareMerchantId");

-- CreateIndex
CREATE INDEX "SquareConnection_status_expiresAt_idx" ON "SquareConnection"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "MerchantLocation_squareLocationId_key" ON "MerchantLocation"("squareLocationId");

-- CreateIndex
CREATE INDEX "MerchantLocation_merchantId_idx" ON "MerchantLocation"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "SquareOrder_squareOrderId_key" ON "SquareOrder"("squareOrderId");

-- CreateIndex
CREATE INDEX "SquareOrder_merchantId_orderedAt_idx" ON "SquareOrder"("merchantId", "orderedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseReward_orderId_key" ON "PurchaseReward"("orderId");

-- CreateIndex
CREATE INDEX "PurchaseReward_merchantId_createdAt_idx" ON "PurchaseReward"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "PurchaseReward_driverId_status_idx" ON "PurchaseReward"("driverId", "status");

-- CreateIndex
CREATE INDEX "PurchaseReward_status_releaseAt_idx" ON "PurchaseReward"("status", "releaseAt");

-- CreateIndex
CREATE INDEX "PurchaseCandidate_driverId_answer_idx" ON "PurchaseCandidate"("driverId", "answer");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseCandidate_rewardId_driverId_key" ON "PurchaseCandidate"("rewardId", "driverId");

-- CreateIndex
CREATE UNIQUE INDEX "CardFingerprint_merchantId_fingerprint_key" ON "CardFingerprint"("merchantId", "fingerprint");

-- AddForeignKey
ALTER TABLE "SquareConnection" ADD CONSTRAINT "SquareConnection_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SquareConnection" ADD CONSTRAINT "SquareConnection_connectedById_fkey" FOREIGN KEY ("connectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MerchantLocation" ADD CONSTRAINT "MerchantLocation_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SquareOrder" ADD CONSTRAINT "SquareOrder_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SquareOrder" ADD CONSTRAINT "SquareOrder_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "MerchantLocation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseReward" ADD CONSTRAINT "PurchaseReward_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SquareOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseReward" ADD CONSTRAINT "PurchaseReward_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseReward" ADD CONSTRAINT "PurchaseReward_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseCandidate" ADD CONSTRAINT "PurchaseCandidate_rewardId_fkey" FOREIGN KEY ("rewardId") REFERENCES "PurchaseReward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseCandidate" ADD CONSTRAINT "PurchaseCandidate_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardFingerprint" ADD CONSTRAINT "CardFingerprint_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardFingerprint" ADD CONSTRAINT "CardFingerprint_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A reward that pays, waits for money or was reversed belongs to one driver, and never pays a negative amount.
ALTER TABLE "PurchaseReward" ADD CONSTRAINT "purchase_reward_has_driver"
  CHECK ("status" NOT IN ('WAITING_FUNDS', 'PENDING', 'AVAILABLE', 'REVERSED') OR "driverId" IS NOT NULL);
ALTER TABLE "PurchaseReward" ADD CONSTRAINT "purchase_reward_amounts"
  CHECK ("rewardCents" >= 0 AND "feeCents" >= 0);
ALTER TABLE "SquareOrder" ADD CONSTRAINT "square_order_amounts"
  CHECK ("totalCents" >= 0 AND "refundedCents" >= 0 AND "version" >= 0);
