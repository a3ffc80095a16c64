-- CreateTable
CREATE TABLE "A" (
    "id" INTEGER NOT NULL
);

-- fails: table "Nope" does not exist
INSERT INTO "Nope" VALUES (1);
