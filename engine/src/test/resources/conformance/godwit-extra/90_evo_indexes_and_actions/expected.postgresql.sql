-- DropForeignKey
ALTER TABLE "Item" DROP CONSTRAINT "Item_ownerId_fkey";

-- DropIndex
DROP INDEX "Item_code_key";

-- DropIndex
DROP INDEX "Item_data_idx";

-- DropIndex
DROP INDEX "Item_zone_idx";

-- DropTable
DROP TABLE "owners";

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

