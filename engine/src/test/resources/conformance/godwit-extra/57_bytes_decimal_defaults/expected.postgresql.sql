-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Defaults" (
    "id" SERIAL NOT NULL,
    "empty" BYTEA NOT NULL DEFAULT '\x',
    "blob" BYTEA NOT NULL DEFAULT '\xdeadbeef',
    "price" DECIMAL(65,30) NOT NULL DEFAULT -1.50,
    "rate" DECIMAL(6,3) NOT NULL DEFAULT 0.125,
    "ratio" DOUBLE PRECISION NOT NULL DEFAULT -2.5,
    "real" REAL NOT NULL DEFAULT 3,
    "big" BIGINT NOT NULL DEFAULT -9007199254740993,
    "small" SMALLINT NOT NULL DEFAULT -7,
    "at" TIMESTAMP(3) NOT NULL DEFAULT '2024-01-01 10:20:30.123 +02:00',
    "atz" TIMESTAMPTZ(3) NOT NULL DEFAULT '2024-01-01 10:20:30.500 +02:00',
    "day" DATE NOT NULL DEFAULT '2024-03-04 00:00:00 +00:00',
    "doc" JSONB NOT NULL DEFAULT '{"zeta": 1, "a": [true, null], "mid": {"y": 2, "x": 1}}',
    "plain" JSON NOT NULL DEFAULT '{"b":1,  "a":2}',
    "quote" TEXT NOT NULL DEFAULT 'it''s "quoted"',
    "text" VARCHAR(10) NOT NULL DEFAULT '',
    "flag" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Defaults_pkey" PRIMARY KEY ("id")
);

