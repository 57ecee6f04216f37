-- CreateEnum
CREATE TYPE "RiskFlagStatus" AS ENUM ('OPEN', 'APPROVED', 'VOIDED', 'SUSPENDED');

-- CreateTable
CREATE TABLE "RiskFlag" (
    "id" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" "RiskFlagStatus" NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskRuleSetting" (
    "key" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "thresholds" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskRuleSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RiskFlag_status_createdAt_idx" ON "RiskFlag"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RiskFlag_driverId_rule_fingerprint_key" ON "RiskFlag"("driverId", "rule", "fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "one_open_flag_per_rule" ON "RiskFlag"("driverId", "rule") WHERE (status = 'OPEN');

-- AddForeignKey
ALTER TABLE "RiskFlag" ADD CONSTRAINT "RiskFlag_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- a decided flag says who decided and when; an open one has neither
ALTER TABLE "RiskFlag" ADD CONSTRAINT "RiskFlag_decision_check"
  CHECK (("status" = 'OPEN') = ("decidedAt" IS NULL) AND ("decidedAt" IS NULL) = ("decidedById" IS NULL));
