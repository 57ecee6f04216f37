-- AlterTable
ALTER TABLE "Charger" ADD COLUMN     "accessCode" TEXT NOT NULL DEFAULT 'public',
ADD COLUMN     "accessHours" TEXT,
ADD COLUMN     "dcFastPorts" INTEGER,
ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "level2Ports" INTEGER,
ADD COLUMN     "pricing" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'demo',
ADD COLUMN     "sourceUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'E';
