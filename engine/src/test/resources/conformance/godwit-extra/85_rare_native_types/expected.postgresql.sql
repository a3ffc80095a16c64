-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Odd" (
    "id" INTEGER NOT NULL,
    "ip" INET,
    "x" XML,
    "bits" BIT(8) NOT NULL,
    "vbits" VARBIT(16),
    "cash" MONEY,
    "o" OID,
    "t" TIME(2),
    "tz" TIMETZ,
    "js" JSON,
    "tsv" tsvector,
    "pt" point NOT NULL,

    CONSTRAINT "Odd_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Odd_tsv_idx" ON "Odd" USING GIN ("tsv");

