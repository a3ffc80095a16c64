-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Legacy" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "shape" point,
    "tsv" tsvector,
    "seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "legacy_primary" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Doc" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL DEFAULT 'untitled'::text,
    "added" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "notes" TEXT,

    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

