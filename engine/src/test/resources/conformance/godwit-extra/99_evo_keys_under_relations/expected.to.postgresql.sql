-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Kind" AS ENUM ('A', 'B', 'C');

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(20) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" SERIAL NOT NULL,
    "shopCode" VARCHAR(20) NOT NULL,
    "price" DECIMAL(10,2) NOT NULL DEFAULT 1.5,
    "kinds" "Kind"[] DEFAULT ARRAY['B']::"Kind"[],

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ShopToTag" (
    "A" TEXT NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ShopToTag_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Shop_code_key" ON "Shop"("code");

-- CreateIndex
CREATE INDEX "Product_price_shopCode_idx" ON "Product"("price", "shopCode");

-- CreateIndex
CREATE INDEX "_ShopToTag_B_index" ON "_ShopToTag"("B");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_shopCode_fkey" FOREIGN KEY ("shopCode") REFERENCES "Shop"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ShopToTag" ADD CONSTRAINT "_ShopToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ShopToTag" ADD CONSTRAINT "_ShopToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

