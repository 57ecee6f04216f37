-- AlterTable
ALTER TABLE "SquareConnection" ALTER COLUMN "accessTokenEnc" DROP NOT NULL,
ALTER COLUMN "refreshTokenEnc" DROP NOT NULL;

-- A working grant always has its tokens: only a disconnected one is cleared
ALTER TABLE "SquareConnection" ADD CONSTRAINT "SquareConnection_tokens_unless_disconnected"
  CHECK ("status" = 'DISCONNECTED' OR ("accessTokenEnc" IS NOT NULL AND "refreshTokenEnc" IS NOT NULL));
