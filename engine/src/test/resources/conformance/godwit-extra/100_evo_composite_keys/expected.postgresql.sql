-- DropForeignKey
ALTER TABLE "Move" DROP CONSTRAINT "Move_tenant_number_fkey";

-- AlterTable
ALTER TABLE "Move" ALTER COLUMN "amount" SET DATA TYPE BIGINT;

-- DropTable
DROP TABLE "Account";

-- CreateTable
CREATE TABLE "accounts" (
    "tenant" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "account_pk" PRIMARY KEY ("tenant","number")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_name_key" ON "accounts"("name");

-- CreateIndex
CREATE INDEX "Move_tenant_number_idx" ON "Move"("tenant", "number");

-- AddForeignKey
ALTER TABLE "Move" ADD CONSTRAINT "move_account_fk" FOREIGN KEY ("tenant", "number") REFERENCES "accounts"("tenant", "number") ON DELETE RESTRICT ON UPDATE CASCADE;

