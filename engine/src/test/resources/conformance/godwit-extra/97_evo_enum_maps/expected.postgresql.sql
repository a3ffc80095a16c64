-- CreateEnum
CREATE TYPE "mood" AS ENUM ('joyful', 'SAD');

-- CreateEnum
CREATE TYPE "State" AS ENUM ('on', 'off');

-- AlterTable
ALTER TABLE "Person" DROP COLUMN "gone",
DROP COLUMN "mood",
ADD COLUMN     "mood" "mood" NOT NULL DEFAULT 'joyful',
DROP COLUMN "state",
ADD COLUMN     "state" "State" NOT NULL DEFAULT 'on';

-- DropEnum
DROP TYPE "Mood";

-- DropEnum
DROP TYPE "Gone";

