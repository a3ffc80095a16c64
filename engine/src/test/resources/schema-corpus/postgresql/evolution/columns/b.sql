CREATE TABLE "Contact" (
    "id" SERIAL NOT NULL,
    "phone" TEXT NOT NULL,
    "nickname" TEXT,
    "score" BIGINT NOT NULL DEFAULT 10,
    "price" DECIMAL(12,4),
    "label" VARCHAR(50) NOT NULL DEFAULT 'none',
    "status" TEXT,
    "bio" TEXT,
    "tags" TEXT[],
    "website" VARCHAR(100),
    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "score_positive" CHECK ("score" >= 0)
);
COMMENT ON COLUMN "Contact"."bio" IS 'about me';
CREATE TABLE "New Table" ("id" INTEGER PRIMARY KEY, "when" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
