-- AlterEnum
ALTER TYPE "Kind" ADD VALUE 'C';

-- DropForeignKey
ALTER TABLE "Product" DROP CONSTRAINT "Product_shopCode_fkey";

-- DropForeignKey
ALTER TABLE "_ShopToTag" DROP CONSTRAINT "_ShopToTag_A_fkey";

-- DropIndex
DROP INDEX "Product_shopCode_price_idx";

-- AlterTable
ALTER TABLE "Shop" DROP CONSTRAINT "Shop_pkey",
ALTER COLUMN "id" DROP DEFAULT,
ALTER COLUMN "id" SET DATA TYPE TEXT,
ALTER COLUMN "code" SET DATA TYPE VARCHAR(20),
ADD CONSTRAINT "Shop_pkey" PRIMARY KEY ("id");

-- AlterTable
ALTER TABLE "Product" ALTER COLUMN "shopCode" SET DATA TYPE VARCHAR(20),
ALTER COLUMN "price" SET DEFAULT 1.5,
ALTER COLUMN "price" SET DATA TYPE DECIMAL(10,2),
ALTER COLUMN "kinds" SET DEFAULT ARRAY['B']::"Kind"[];

-- AlterTable
ALTER TABLE "_ShopToTag" DROP CONSTRAINT "_ShopToTag_AB_pkey",
ALTER COLUMN "A" SET DATA TYPE TEXT,
ADD CONSTRAINT "_ShopToTag_AB_pkey" PRIMARY KEY ("A", "B");

-- CreateIndex
CREATE INDEX "Product_price_shopCode_idx" ON "Product"("price", "shopCode");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_shopCode_fkey" FOREIGN KEY ("shopCode") REFERENCES "Shop"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ShopToTag" ADD CONSTRAINT "_ShopToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

