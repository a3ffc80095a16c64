CREATE TABLE "Creds" ("id" TEXT NOT NULL, CONSTRAINT "Creds_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Setting" ("id" TEXT NOT NULL, "credsId" TEXT NOT NULL, CONSTRAINT "Setting_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "Setting_credsId_key" ON "Setting"("credsId");
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_credsId_fkey" FOREIGN KEY ("credsId") REFERENCES "Creds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
