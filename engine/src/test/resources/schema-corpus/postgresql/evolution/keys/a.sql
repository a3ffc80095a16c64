CREATE TABLE "Company" ("id" INTEGER NOT NULL, "code" TEXT NOT NULL, CONSTRAINT "Company_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Contact" (
    "id" SERIAL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "companyId" INTEGER,
    "first" TEXT, "last" TEXT
);
CREATE UNIQUE INDEX "Contact_email_key" ON "Contact"("email");
CREATE INDEX "Contact_first_last_idx" ON "Contact"("first", "last");
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;
