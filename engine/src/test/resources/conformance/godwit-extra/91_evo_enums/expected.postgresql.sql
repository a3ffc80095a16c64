-- CreateEnum
CREATE TYPE "Kind" AS ENUM ('BUG', 'FEATURE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Level" ADD VALUE 'MEDIUM';
ALTER TYPE "Level" ADD VALUE 'CRITICAL';

-- AlterEnum
BEGIN;
CREATE TYPE "Color_new" AS ENUM ('RED', 'BLUE');
ALTER TABLE "Task" ALTER COLUMN "color" TYPE "Color_new" USING ("color"::text::"Color_new");
ALTER TYPE "Color" RENAME TO "Color_old";
ALTER TYPE "Color_new" RENAME TO "Color";
DROP TYPE "Color_old";
COMMIT;

-- AlterTable
ALTER TABLE "Task" ALTER COLUMN "level" SET DEFAULT 'MEDIUM',
DROP COLUMN "kind",
ADD COLUMN     "kind" "Kind" NOT NULL,
ALTER COLUMN "levels" SET DEFAULT ARRAY['LOW']::"Level"[];

