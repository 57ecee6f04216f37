-- CreateEnum
CREATE TYPE "CampaignAwardStatus" AS ENUM ('PAID', 'HELD', 'VOIDED');

-- AlterTable
ALTER TABLE "CampaignAward" ADD COLUMN     "status" "CampaignAwardStatus" NOT NULL DEFAULT 'PAID';

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "unlockOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DriverOfferUnlock" (
    "id" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "campaignName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriverOfferUnlock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DriverOfferUnlock_offerId_idx" ON "DriverOfferUnlock"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "DriverOfferUnlock_driverId_offerId_key" ON "DriverOfferUnlock"("driverId", "offerId");

-- CreateIndex
CREATE INDEX "CampaignAward_driverId_status_idx" ON "CampaignAward"("driverId", "status");

-- AddForeignKey
ALTER TABLE "DriverOfferUnlock" ADD CONSTRAINT "DriverOfferUnlock_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriverOfferUnlock" ADD CONSTRAINT "DriverOfferUnlock_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriverOfferUnlock" ADD CONSTRAINT "DriverOfferUnlock_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
