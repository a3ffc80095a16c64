-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "accounts" (
    "tenant" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "account_pk" PRIMARY KEY ("tenant","number")
);

-- CreateTable
CREATE TABLE "Move" (
    "id" SERIAL NOT NULL,
    "tenant" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "Move_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_name_key" ON "accounts"("name");

-- CreateIndex
CREATE INDEX "Move_tenant_number_idx" ON "Move"("tenant", "number");

-- AddForeignKey
ALTER TABLE "Move" ADD CONSTRAINT "move_account_fk" FOREIGN KEY ("tenant", "number") REFERENCES "accounts"("tenant", "number") ON DELETE RESTRICT ON UPDATE CASCADE;

