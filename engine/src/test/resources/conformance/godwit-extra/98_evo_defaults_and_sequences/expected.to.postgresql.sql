-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Row" (
    "id" SERIAL NOT NULL,
    "seq" INTEGER NOT NULL,
    "n" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "up" TIMESTAMP(3) NOT NULL,
    "g" TEXT NOT NULL DEFAULT 'b'::text,
    "u" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "Row_pkey" PRIMARY KEY ("id")
);

