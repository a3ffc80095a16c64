-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "mood" AS ENUM ('joyful', 'SAD');

-- CreateEnum
CREATE TYPE "State" AS ENUM ('on', 'off');

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL,
    "mood" "mood" NOT NULL DEFAULT 'joyful',
    "state" "State" NOT NULL DEFAULT 'on',

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

