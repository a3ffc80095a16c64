CREATE TABLE "Company" ("id" INTEGER NOT NULL, "code" TEXT NOT NULL, CONSTRAINT "Company_pkey" PRIMARY KEY ("id", "code"));
CREATE TABLE "Contact" (
    "id" SERIAL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "companyCode" TEXT NOT NULL,
    "first" TEXT, "last" TEXT
);
CREATE INDEX "Contact_email_idx" ON "Contact"("email" DESC);
CREATE UNIQUE INDEX "Contact_first_last_key" ON "Contact"("first", "last");
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_fkey" FOREIGN KEY ("companyId", "companyCode") REFERENCES "Company"("id", "code") ON DELETE RESTRICT ON UPDATE CASCADE;
