-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Größe" AS ENUM ('kl€in', 'it is big');

-- CreateTable
CREATE TABLE "order by" (
    "id" SERIAL NOT NULL,
    "select" TEXT NOT NULL DEFAULT 'naïve 🍰 "quoted" \ back',
    "from" TEXT NOT NULL,
    "group" "Größe" NOT NULL DEFAULT 'it is big',
    "values" "Größe"[] DEFAULT ARRAY['kl€in', 'it is big']::"Größe"[],
    "Case" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "order by_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item" (
    "id" INTEGER NOT NULL,
    "order id" INTEGER NOT NULL,

    CONSTRAINT "item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "order by_group_idx" ON "order by"("group");

-- CreateIndex
CREATE UNIQUE INDEX "order-select-user" ON "order by"("select", "from");

-- AddForeignKey
ALTER TABLE "item" ADD CONSTRAINT "item_order id_fkey" FOREIGN KEY ("order id") REFERENCES "order by"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

