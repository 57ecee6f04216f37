-- AlterEnum
ALTER TYPE "MerchantStatus" ADD VALUE 'REJECTED';

-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "MerchantInvite" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'STAFF',
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MerchantInvite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MerchantInvite_tokenHash_key" ON "MerchantInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "MerchantInvite_merchantId_idx" ON "MerchantInvite"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "one_pending_invite_per_email" ON "MerchantInvite"("merchantId", "email") WHERE ("acceptedAt" IS NULL AND "revokedAt" IS NULL);

-- AddForeignKey
ALTER TABLE "MerchantInvite" ADD CONSTRAINT "MerchantInvite_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MerchantInvite" ADD CONSTRAINT "MerchantInvite_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
