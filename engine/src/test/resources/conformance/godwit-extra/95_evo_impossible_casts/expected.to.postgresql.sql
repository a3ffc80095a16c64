-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "A" AS ENUM ('X', 'Y');

-- CreateEnum
CREATE TYPE "B" AS ENUM ('X', 'Y', 'Z');

-- CreateTable
CREATE TABLE "T" (
    "id" INTEGER NOT NULL,
    "a" INTEGER NOT NULL,
    "b" TIMESTAMP(3) NOT NULL,
    "c" UUID NOT NULL,
    "d" INTEGER NOT NULL,
    "e" "B" NOT NULL,
    "f" INTEGER NOT NULL,
    "g" TEXT[],
    "h" BOOLEAN NOT NULL,

    CONSTRAINT "T_pkey" PRIMARY KEY ("id")
);

