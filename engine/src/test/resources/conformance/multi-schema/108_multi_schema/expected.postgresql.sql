-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "auth";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "base";

-- CreateEnum
CREATE TYPE "base"."Status" AS ENUM ('ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "auth"."Status" AS ENUM ('PENDING', 'VERIFIED');

-- CreateTable
CREATE TABLE "auth"."Account" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "status" "auth"."Status" NOT NULL DEFAULT 'PENDING',

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "base"."Order" (
    "id" SERIAL NOT NULL,
    "status" "base"."Status" NOT NULL DEFAULT 'ACTIVE',
    "accountId" INTEGER NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "auth"."Account"("email");

-- CreateIndex
CREATE INDEX "Order_accountId_idx" ON "base"."Order"("accountId");

-- AddForeignKey
ALTER TABLE "base"."Order" ADD CONSTRAINT "Order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "auth"."Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

