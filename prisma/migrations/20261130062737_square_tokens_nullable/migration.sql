-- AlterTable
ALTER TABLE "SquareConnection" ALTER COLUMN "accessTokenEnc" DROP NOT NULL,
ALTER COLUMN "refreshTokenEnc" DROP NOT NULL;
