-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Mood" AS ENUM ('happy', 'sad');

-- CreateTable
CREATE TABLE "Sample" (
    "id" SERIAL NOT NULL,
    "codes" CHAR(3)[],
    "shorts" SMALLINT[],
    "reals" REAL[],
    "amounts" DECIMAL(12,4)[],
    "days" DATE[],
    "moments" TIMESTAMPTZ(6)[],
    "docs" JSON[],
    "ids" UUID[],
    "big" BIGINT[] DEFAULT ARRAY[1, 2]::BIGINT[],
    "ratios" DOUBLE PRECISION[] DEFAULT ARRAY[0.5, 1.5]::DOUBLE PRECISION[],
    "prices" DECIMAL(65,30)[] DEFAULT ARRAY[1.25]::DECIMAL(65,30)[],
    "bits" BOOLEAN[] DEFAULT ARRAY[true, false]::BOOLEAN[],
    "whens" TIMESTAMP(3)[] DEFAULT ARRAY['2024-05-06 07:08:09 +00:00']::TIMESTAMP(3)[],
    "blobs" BYTEA[] DEFAULT ARRAY['\x000102']::BYTEA[],
    "moods" "Mood"[] DEFAULT ARRAY['happy']::"Mood"[],
    "jsons" JSONB[] DEFAULT ARRAY['{"b": 1, "a": 2}']::JSONB[],
    "names" VARCHAR(20)[] DEFAULT ARRAY['it''s']::VARCHAR(20)[],
    "negatives" INTEGER[] DEFAULT ARRAY[-1, 2]::INTEGER[],

    CONSTRAINT "Sample_pkey" PRIMARY KEY ("id")
);

