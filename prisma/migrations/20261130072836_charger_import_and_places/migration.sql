-- CreateTable
CREATE TABLE "ChargerImportRun" (
    "region" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "lastSuccessAt" TIMESTAMP(3),
    "stationsSeen" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "markedGone" INTEGER NOT NULL DEFAULT 0,
    "blockedUntil" TIMESTAMP(3),
    "message" TEXT,

    CONSTRAINT "ChargerImportRun_pkey" PRIMARY KEY ("region")
);

-- CreateTable
CREATE TABLE "ChargerPlace" (
    "chargerId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "coordinatesExpireAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChargerPlace_pkey" PRIMARY KEY ("chargerId","placeId")
);

-- CreateIndex
CREATE INDEX "ChargerPlace_coordinatesExpireAt_idx" ON "ChargerPlace"("coordinatesExpireAt");

-- AddForeignKey
ALTER TABLE "ChargerPlace" ADD CONSTRAINT "ChargerPlace_chargerId_fkey" FOREIGN KEY ("chargerId") REFERENCES "Charger"("id") ON DELETE CASCADE ON UPDATE CASCADE;
