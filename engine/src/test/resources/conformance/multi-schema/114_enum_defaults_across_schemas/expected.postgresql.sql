-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "content";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "people";

-- CreateEnum
CREATE TYPE "content"."Tag" AS ENUM ('NEWS', 'OPINION');

-- CreateEnum
CREATE TYPE "people"."Mood" AS ENUM ('HAPPY', 'SAD');

-- CreateTable
CREATE TABLE "content"."Article" (
    "id" INTEGER NOT NULL,
    "tags" "content"."Tag"[] DEFAULT ARRAY['NEWS', 'OPINION']::"content"."Tag"[],
    "mood" "people"."Mood" NOT NULL DEFAULT 'HAPPY',
    "moods" "people"."Mood"[] DEFAULT ARRAY[]::"people"."Mood"[],

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

