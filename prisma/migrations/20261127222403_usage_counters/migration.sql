-- CreateTable
CREATE TABLE "UsageCounter" (
    "key" TEXT NOT NULL,
    "used" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageCounter_pkey" PRIMARY KEY ("key")
);

ALTER TABLE "UsageCounter" ADD CONSTRAINT "usage_counter_non_negative" CHECK ("used" >= 0);
