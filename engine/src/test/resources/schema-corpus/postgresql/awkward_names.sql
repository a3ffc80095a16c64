-- Names that only survive when every identifier is quoted.
CREATE TYPE "user role" AS ENUM ('plain user', 'it''s an admin', 'Ünïcödé', 'select');

CREATE TABLE "order" (
    "select" SERIAL NOT NULL,
    "from" TEXT NOT NULL,
    "Mixed Case Column" VARCHAR(20),
    "quote""inside" INTEGER DEFAULT 42,
    "straße" TEXT DEFAULT 'groß''artig',
    "日本語" TEXT,
    "role" "user role" NOT NULL DEFAULT 'it''s an admin',
    CONSTRAINT "order pkey" PRIMARY KEY ("select")
);

CREATE TABLE "User" (
    "ID" BIGSERIAL NOT NULL,
    "group" TEXT NOT NULL,
    "order ref" INTEGER,
    "roles" "user role"[],
    CONSTRAINT "User_pkey" PRIMARY KEY ("ID")
);

CREATE UNIQUE INDEX "User.group ""unique""" ON "User"("group");
CREATE INDEX "idx on spaced col" ON "order"("Mixed Case Column" DESC, "from");
ALTER TABLE "User" ADD CONSTRAINT "User→order" FOREIGN KEY ("order ref") REFERENCES "order"("select") ON DELETE SET NULL ON UPDATE CASCADE;
