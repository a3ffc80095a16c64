-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Unused" AS ENUM ('ONE', 'TWO');

-- CreateTable
CREATE TABLE "accounts" (
    "id" SERIAL NOT NULL,
    "handle" VARCHAR(40) NOT NULL,
    "createdAt" TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" BIGSERIAL NOT NULL,
    "fromHandle" VARCHAR(40) NOT NULL,
    "toHandle" VARCHAR(40) NOT NULL,
    "approverId" INTEGER,
    "at" TIMETZ(0) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ledger" (
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "total" DECIMAL(65,30) NOT NULL DEFAULT 0,

    CONSTRAINT "Ledger_pkey" PRIMARY KEY ("year","month")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_handle_key" ON "accounts"("handle");

-- CreateIndex
CREATE INDEX "transfer_to_from" ON "Transfer"("toHandle", "fromHandle");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_fromHandle_toHandle_at_key" ON "Transfer"("fromHandle", "toHandle", "at");

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_fromHandle_fkey" FOREIGN KEY ("fromHandle") REFERENCES "accounts"("handle") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_toHandle_fkey" FOREIGN KEY ("toHandle") REFERENCES "accounts"("handle") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

