-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Item" (
    "id" SERIAL NOT NULL,
    "data" JSONB NOT NULL,
    "code" TEXT NOT NULL,
    "zone" INTEGER NOT NULL,
    "ownerId" INTEGER NOT NULL,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_owners" (
    "id" SERIAL NOT NULL,

    CONSTRAINT "item_owners_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Item_data_idx" ON "Item" USING GIN ("data" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Item_zone_idx" ON "Item"("zone" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Item_code_zone_key" ON "Item"("code", "zone");

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "item_owners"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

