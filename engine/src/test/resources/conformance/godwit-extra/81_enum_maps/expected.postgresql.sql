-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "status_kind" AS ENUM ('active', 'in-active', 'PENDING');

-- CreateEnum
CREATE TYPE "Order" AS ENUM ('ASC', 'DESC');

-- CreateTable
CREATE TABLE "Account" (
    "id" SERIAL NOT NULL,
    "status" "status_kind" NOT NULL DEFAULT 'active',
    "history" "status_kind"[] DEFAULT ARRAY['active', 'PENDING']::"status_kind"[],
    "sorting" "Order",
    "previous" "status_kind" DEFAULT 'in-active',

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

