-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Thing" (
    "id" BIGSERIAL NOT NULL,
    "small" SMALLSERIAL NOT NULL,
    "neg" INTEGER NOT NULL DEFAULT -5,
    "f" DOUBLE PRECISION NOT NULL DEFAULT -1500.25,
    "d" DECIMAL(8,3) NOT NULL DEFAULT 0.10,
    "empty" TEXT NOT NULL DEFAULT '',
    "quoted" TEXT NOT NULL DEFAULT 'it''s "quoted"',
    "uid" UUID NOT NULL DEFAULT gen_random_uuid(),
    "at" TIMESTAMP(3) NOT NULL DEFAULT (now() + '1 day'::interval),
    "day" DATE NOT NULL DEFAULT '2024-02-29 00:00:00 +00:00',
    "j" JSONB NOT NULL DEFAULT '[1, 2, {"a": null}]',
    "flags" BOOLEAN[] DEFAULT ARRAY[true, false]::BOOLEAN[],
    "b" BYTEA NOT NULL DEFAULT '\x010203',
    "big" BIGINT NOT NULL DEFAULT 9007199254740993,
    "vc" VARCHAR(1) NOT NULL DEFAULT 'x',
    "ch" CHAR(2) NOT NULL DEFAULT 'ab',

    CONSTRAINT "Thing_pkey" PRIMARY KEY ("id")
);

