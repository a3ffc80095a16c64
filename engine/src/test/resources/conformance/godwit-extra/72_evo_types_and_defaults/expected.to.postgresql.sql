-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Item" (
    "id" BIGSERIAL NOT NULL,
    "code" VARCHAR(20) NOT NULL DEFAULT 'X',
    "qty" BIGINT NOT NULL DEFAULT 1,
    "price" DECIMAL(10,2) NOT NULL,
    "note" TEXT,
    "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "flags" TEXT[] DEFAULT ARRAY['a']::TEXT[],

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

