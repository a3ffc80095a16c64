-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Account" (
    "region" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "account_label" TEXT NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("region","number")
);

-- CreateTable
CREATE TABLE "Card" (
    "id" SERIAL NOT NULL,
    "accountLabel" TEXT NOT NULL,
    "region" TEXT NOT NULL,

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Owner" (
    "id" INTEGER NOT NULL,
    "accountRegion" TEXT NOT NULL,
    "accountNumber" INTEGER NOT NULL,

    CONSTRAINT "Owner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_account_label_key" ON "Account"("account_label");

-- CreateIndex
CREATE UNIQUE INDEX "acct_label_region" ON "Account"("account_label", "region");

-- CreateIndex
CREATE UNIQUE INDEX "Owner_accountRegion_accountNumber_key" ON "Owner"("accountRegion", "accountNumber");

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_accountLabel_region_fkey" FOREIGN KEY ("accountLabel", "region") REFERENCES "Account"("account_label", "region") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Owner" ADD CONSTRAINT "Owner_accountRegion_accountNumber_fkey" FOREIGN KEY ("accountRegion", "accountNumber") REFERENCES "Account"("region", "number") ON DELETE RESTRICT ON UPDATE CASCADE;

