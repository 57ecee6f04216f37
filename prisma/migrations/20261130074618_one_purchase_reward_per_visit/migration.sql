-- CreateIndex
CREATE UNIQUE INDEX "one_purchase_reward_per_visit" ON "PurchaseReward"("sessionId") WHERE (status IN ('WAITING_FUNDS', 'PENDING', 'AVAILABLE'));
