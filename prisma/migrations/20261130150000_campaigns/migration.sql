-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'LIVE', 'PAUSED', 'ENDED');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT,
    "name" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "spentNova" INTEGER NOT NULL DEFAULT 0,
    "spentCents" INTEGER NOT NULL DEFAULT 0,
    "awardCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignVersion" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignAward" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "triggerId" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "nova" INTEGER NOT NULL,
    "cents" INTEGER NOT NULL,
    "offerIds" TEXT[],
    "label" TEXT NOT NULL,
    "localDay" TEXT NOT NULL,
    "transactionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignAward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Campaign_trigger_status_idx" ON "Campaign"("trigger", "status");

-- CreateIndex
CREATE INDEX "Campaign_merchantId_idx" ON "Campaign"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignVersion_campaignId_version_key" ON "CampaignVersion"("campaignId", "version");

-- CreateIndex
CREATE INDEX "CampaignAward_campaignId_driverId_localDay_idx" ON "CampaignAward"("campaignId", "driverId", "localDay");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignAward_campaignId_trigger_triggerId_key" ON "CampaignAward"("campaignId", "trigger", "triggerId");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignVersion" ADD CONSTRAINT "CampaignVersion_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignAward" ADD CONSTRAINT "CampaignAward_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignAward" ADD CONSTRAINT "CampaignAward_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Amounts and counters never go below zero; a version is never updated (a revision is a new row).
ALTER TABLE "Campaign" ADD CONSTRAINT "campaign_spent_non_negative"
  CHECK ("spentNova" >= 0 AND "spentCents" >= 0 AND "awardCount" >= 0 AND "currentVersion" >= 1);
ALTER TABLE "CampaignAward" ADD CONSTRAINT "campaign_award_non_negative" CHECK ("nova" >= 0 AND "cents" >= 0);
ALTER TABLE "CampaignVersion" ADD CONSTRAINT "campaign_version_positive" CHECK ("version" >= 1);

CREATE FUNCTION campaign_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CampaignVersion rows are immutable: write a new version instead';
END $$;
CREATE TRIGGER "campaign_version_immutable" BEFORE UPDATE OR DELETE ON "CampaignVersion"
  FOR EACH ROW EXECUTE FUNCTION campaign_version_immutable();
