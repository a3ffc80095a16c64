-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "auth";

-- CreateEnum
CREATE TYPE "auth"."Role" AS ENUM ('USER', 'ADMIN');

-- AlterTable
ALTER TABLE "base"."Order" ADD COLUMN     "accountId" INTEGER;

-- CreateTable
CREATE TABLE "auth"."Account" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "role" "auth"."Role" NOT NULL DEFAULT 'USER',

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "auth"."Account"("email");

-- AddForeignKey
ALTER TABLE "base"."Order" ADD CONSTRAINT "Order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "auth"."Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

