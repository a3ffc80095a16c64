CREATE TABLE "BulkActionGroup" ("id" TEXT NOT NULL, "environmentId" TEXT NOT NULL, "type" TEXT NOT NULL, "dedupeKey" TEXT, CONSTRAINT "BulkActionGroup_pkey" PRIMARY KEY ("id"));
-- made partial by hand in a migration; the schema declares it as a plain index of the same name
CREATE INDEX "BulkActionGroup_environmentId_type_dedupeKey_idx" ON "BulkActionGroup"("environmentId", "type", "dedupeKey") WHERE "dedupeKey" IS NOT NULL;
