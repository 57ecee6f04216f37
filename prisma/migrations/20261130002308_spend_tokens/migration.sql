-- CreateTable
CREATE TABLE "SpendToken" (
    "id" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),
    "merchantId" TEXT,
    "transactionId" TEXT,

    CONSTRAINT "SpendToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpendReport" (
    "id" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "nova" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpendReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpendToken_codeHash_key" ON "SpendToken"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "SpendToken_transactionId_key" ON "SpendToken"("transactionId");

-- CreateIndex
CREATE INDEX "SpendToken_driverId_expiresAt_idx" ON "SpendToken"("driverId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "SpendReport_transactionId_key" ON "SpendReport"("transactionId");

-- CreateIndex
CREATE INDEX "SpendReport_createdAt_idx" ON "SpendReport"("createdAt");

-- AddForeignKey
ALTER TABLE "SpendToken" ADD CONSTRAINT "SpendToken_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpendReport" ADD CONSTRAINT "SpendReport_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "LedgerTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpendReport" ADD CONSTRAINT "SpendReport_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpendReport" ADD CONSTRAINT "SpendReport_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants Prisma does not model.
-- A used token names the shop and the transaction it paid, an unused one names neither.
ALTER TABLE "SpendToken" ADD CONSTRAINT "spend_token_use_consistent" CHECK (
  ("usedAt" IS NULL AND "merchantId" IS NULL AND "transactionId" IS NULL)
  OR ("usedAt" IS NOT NULL AND "merchantId" IS NOT NULL AND "transactionId" IS NOT NULL)
);
ALTER TABLE "SpendToken" ADD CONSTRAINT "spend_token_window_ordered" CHECK ("expiresAt" > "createdAt");
ALTER TABLE "SpendReport" ADD CONSTRAINT "spend_report_nova_positive" CHECK ("nova" > 0);
