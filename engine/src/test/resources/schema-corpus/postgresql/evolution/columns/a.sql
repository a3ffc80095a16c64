CREATE TABLE "Contact" (
    "id" SERIAL NOT NULL,
    "phone" TEXT,
    "nickname" TEXT NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0,
    "legacy" TEXT,
    "price" DECIMAL(10,2),
    "label" VARCHAR(20),
    "status" TEXT DEFAULT 'new',
    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Gone" ("id" INTEGER PRIMARY KEY);
