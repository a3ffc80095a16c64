-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "auth";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "base";

-- CreateEnum
CREATE TYPE "base"."Status" AS ENUM ('ACTIVE', 'CLOSED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "auth"."Status" AS ENUM ('VERIFIED', 'BANNED');

-- CreateTable
CREATE TABLE "auth"."Account" (
    "id" INTEGER NOT NULL,
    "status" "auth"."Status" NOT NULL DEFAULT 'VERIFIED',

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "base"."Order" (
    "id" INTEGER NOT NULL,
    "status" "base"."Status" NOT NULL DEFAULT 'ACTIVE',

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

