-- CreateEnum
CREATE TYPE "EnergyEventKind" AS ENUM ('CHARGE', 'PAUSE');

-- CreateEnum
CREATE TYPE "EnergyEventStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ParticipationStatus" AS ENUM ('OPTED_IN', 'OPTED_OUT', 'EARNED', 'NOT_EARNED', 'NOT_VERIFIED', 'HELD');

-- CreateTable
CREATE TABLE "EnergyEvent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "EnergyEventKind" NOT NULL,
    "status" "EnergyEventStatus" NOT NULL DEFAULT 'SCHEDULED',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "novaPerKwh" INTEGER,
    "fixedNova" INTEGER,
    "minKwh" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "budgetNova" INTEGER,
    "spentNova" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnergyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnergyEventParticipation" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "driverId" TEXT NOT NULL,
    "status" "ParticipationStatus" NOT NULL DEFAULT 'OPTED_IN',
    "optedInAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kwhInWindow" DOUBLE PRECISION,
    "nova" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "settledAt" TIMESTAMP(3),
    "transactionId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnergyEventParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "email" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "told" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EnergyEvent_status_endsAt_idx" ON "EnergyEvent"("status", "endsAt");

-- CreateIndex
CREATE INDEX "EnergyEvent_startsAt_idx" ON "EnergyEvent"("startsAt");

-- CreateIndex
CREATE INDEX "EnergyEventParticipation_driverId_idx" ON "EnergyEventParticipation"("driverId");

-- CreateIndex
CREATE INDEX "EnergyEventParticipation_eventId_status_idx" ON "EnergyEventParticipation"("eventId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EnergyEventParticipation_eventId_driverId_key" ON "EnergyEventParticipation"("eventId", "driverId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_kind_subjectId_key" ON "Notification"("userId", "kind", "subjectId");

-- CreateIndex
CREATE INDEX "Announcement_doneAt_requestedAt_idx" ON "Announcement"("doneAt", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Announcement_kind_subjectId_key" ON "Announcement"("kind", "subjectId");

-- AddForeignKey
ALTER TABLE "EnergyEvent" ADD CONSTRAINT "EnergyEvent_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnergyEventParticipation" ADD CONSTRAINT "EnergyEventParticipation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "EnergyEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnergyEventParticipation" ADD CONSTRAINT "EnergyEventParticipation_driverId_fkey" FOREIGN KEY ("driverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An event's window has a length, its bonus is positive and matches its kind, and its spend never
-- passes its budget (the payer's conditional update relies on it as a last line).
ALTER TABLE "EnergyEvent" ADD CONSTRAINT "energy_event_window" CHECK ("endsAt" > "startsAt");
ALTER TABLE "EnergyEvent" ADD CONSTRAINT "energy_event_bonus" CHECK (
  ("novaPerKwh" IS NULL OR "novaPerKwh" > 0) AND ("fixedNova" IS NULL OR "fixedNova" > 0)
  AND (("novaPerKwh" IS NULL) <> ("fixedNova" IS NULL))
  AND ("kind" = 'CHARGE' OR "fixedNova" IS NOT NULL));
ALTER TABLE "EnergyEvent" ADD CONSTRAINT "energy_event_budget"
  CHECK ("spentNova" >= 0 AND ("budgetNova" IS NULL OR ("budgetNova" > 0 AND "spentNova" <= "budgetNova")));
ALTER TABLE "EnergyEventParticipation" ADD CONSTRAINT "energy_event_participation_nova" CHECK ("nova" >= 0);
