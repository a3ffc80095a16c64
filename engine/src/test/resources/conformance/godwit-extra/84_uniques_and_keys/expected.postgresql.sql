-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Tenant" (
    "slug" VARCHAR(40) NOT NULL,
    "zone" INTEGER NOT NULL,
    "label" TEXT,

    CONSTRAINT "tenant_pk" PRIMARY KEY ("slug","zone")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" VARCHAR(36) NOT NULL,
    "email" TEXT,
    "tenantSlug" VARCHAR(40) NOT NULL,
    "tenantZone" INTEGER NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_label_uq" ON "Tenant"("label");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_zone_label_key" ON "Tenant"("zone", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");

-- CreateIndex
CREATE INDEX "member_tenant_ix" ON "Member"("tenantSlug", "tenantZone" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Member_email_tenantZone_key" ON "Member"("email", "tenantZone");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantSlug_tenantZone_fkey" FOREIGN KEY ("tenantSlug", "tenantZone") REFERENCES "Tenant"("slug", "zone") ON DELETE CASCADE ON UPDATE RESTRICT;

