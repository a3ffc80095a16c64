CREATE TABLE "Member" ("id" TEXT NOT NULL, "orgId" TEXT NOT NULL, "email" TEXT NOT NULL, "teamId" TEXT, CONSTRAINT "Member_pkey" PRIMARY KEY ("id"));
CREATE INDEX "Member_orgId_idx" ON "Member"("orgId");
CREATE INDEX "Member_teamId_idx" ON "Member"("teamId" DESC);
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");
CREATE INDEX "Member_email_desc" ON "Member"("email" DESC);
CREATE INDEX "Member_email_idx" ON "Member"("email");
