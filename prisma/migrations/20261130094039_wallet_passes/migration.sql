-- AlterTable
ALTER TABLE "ApplePassRegistration" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "WalletPass" ADD COLUMN     "appleIssuedAt" TIMESTAMP(3),
ADD COLUMN     "googleBalanceSent" TEXT,
ADD COLUMN     "googleInsertedAt" TIMESTAMP(3),
ADD COLUMN     "googleObjectId" TEXT,
ADD COLUMN     "googleSyncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DriverBalanceChange" (
    "driverId" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriverBalanceChange_pkey" PRIMARY KEY ("driverId")
);

-- CreateIndex
CREATE UNIQUE INDEX "WalletPass_googleObjectId_key" ON "WalletPass"("googleObjectId");
