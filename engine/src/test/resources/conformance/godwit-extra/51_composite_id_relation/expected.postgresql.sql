-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Tenant" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantUser" (
    "tenantId" INTEGER NOT NULL,
    "userNo" INTEGER NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "TenantUser_pkey" PRIMARY KEY ("tenantId","userNo")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" SERIAL NOT NULL,
    "tenantId" INTEGER NOT NULL,
    "userNo" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,

    CONSTRAINT "grant_pk" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Grant_tenantId_userNo_idx" ON "Grant"("tenantId", "userNo");

-- AddForeignKey
ALTER TABLE "TenantUser" ADD CONSTRAINT "TenantUser_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "grant_user_fk" FOREIGN KEY ("tenantId", "userNo") REFERENCES "TenantUser"("tenantId", "userNo") ON DELETE CASCADE ON UPDATE CASCADE;

