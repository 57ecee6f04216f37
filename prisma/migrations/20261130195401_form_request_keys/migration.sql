-- AlterTable
ALTER TABLE "CampaignVersion" ADD COLUMN     "requestKey" TEXT;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CampaignVersion_requestKey_key" ON "CampaignVersion"("requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_requestKey_key" ON "Offer"("requestKey");
