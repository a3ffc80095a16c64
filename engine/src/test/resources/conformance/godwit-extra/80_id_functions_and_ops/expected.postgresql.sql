-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Doc" (
    "id" UUID NOT NULL,
    "c2" TEXT NOT NULL,
    "u" TEXT NOT NULL,
    "n" TEXT NOT NULL,
    "n8" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "tags" TEXT[],
    "created" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Doc_data_idx" ON "Doc" USING GIN ("data" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Doc_tags_idx" ON "Doc" USING GIN ("tags" array_ops);

-- CreateIndex
CREATE INDEX "Doc_title_idx" ON "Doc"("title" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Doc_title_created_key" ON "Doc"("title" DESC, "created");

