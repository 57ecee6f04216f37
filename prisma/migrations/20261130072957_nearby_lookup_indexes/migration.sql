-- CreateIndex
CREATE INDEX "Charger_importedAt_idx" ON "Charger"("importedAt");

-- CreateIndex
CREATE INDEX "Merchant_chargerId_idx" ON "Merchant"("chargerId");
