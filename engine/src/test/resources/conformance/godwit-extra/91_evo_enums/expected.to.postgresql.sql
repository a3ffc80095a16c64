-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Level" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "Color" AS ENUM ('RED', 'BLUE');

-- CreateEnum
CREATE TYPE "Kind" AS ENUM ('BUG', 'FEATURE');

-- CreateTable
CREATE TABLE "Task" (
    "id" INTEGER NOT NULL,
    "level" "Level" NOT NULL DEFAULT 'MEDIUM',
    "color" "Color",
    "kind" "Kind" NOT NULL,
    "levels" "Level"[] DEFAULT ARRAY['LOW']::"Level"[],

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

