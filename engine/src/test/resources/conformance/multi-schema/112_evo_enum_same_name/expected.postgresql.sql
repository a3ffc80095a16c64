-- AlterEnum
ALTER TYPE "base"."Status" ADD VALUE 'ARCHIVED';

-- AlterEnum
BEGIN;
CREATE TYPE "auth"."Status_new" AS ENUM ('VERIFIED', 'BANNED');
ALTER TABLE "auth"."Account" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "base"."Order" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "auth"."Account" ALTER COLUMN "status" TYPE "auth"."Status_new" USING ("status"::text::"auth"."Status_new");
ALTER TYPE "auth"."Status" RENAME TO "Status_old";
ALTER TYPE "auth"."Status_new" RENAME TO "Status";
DROP TYPE "auth"."Status_old";
ALTER TABLE "auth"."Account" ALTER COLUMN "status" SET DEFAULT 'VERIFIED';
ALTER TABLE "base"."Order" ALTER COLUMN "status" SET DEFAULT 'ACTIVE';
COMMIT;

-- AlterTable
ALTER TABLE "auth"."Account" ALTER COLUMN "status" SET DEFAULT 'VERIFIED';

