-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Price" (
    "id" SERIAL NOT NULL,
    "amount" DECIMAL(65,30) NOT NULL DEFAULT 2.00,
    "rate" DECIMAL(10,2) NOT NULL DEFAULT -0.5,
    "code" TEXT NOT NULL,
    "region" TEXT NOT NULL,

    CONSTRAINT "Price_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Price_region_idx" ON "Price"("region");

-- CreateIndex
CREATE UNIQUE INDEX "Price_code_key" ON "Price"("code");

