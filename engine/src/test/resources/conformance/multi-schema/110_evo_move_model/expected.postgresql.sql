-- CreateEnum
CREATE TYPE "auth"."Kind" AS ENUM ('PERSON', 'TEAM');

-- DropTable
DROP TABLE "base"."Account";

-- DropEnum
DROP TYPE "base"."Kind";

-- CreateTable
CREATE TABLE "auth"."Account" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "kind" "auth"."Kind" NOT NULL DEFAULT 'PERSON',

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "auth"."Account"("email");

