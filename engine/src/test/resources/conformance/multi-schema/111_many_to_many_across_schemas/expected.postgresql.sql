-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "content";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "people";

-- CreateEnum
CREATE TYPE "content"."Tag" AS ENUM ('NEWS', 'OPINION');

-- CreateTable
CREATE TABLE "people"."people" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "manager_id" INTEGER,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content"."Article" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "tags" "content"."Tag"[],

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content"."_ArticleToPerson" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ArticleToPerson_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Article_lang_idx" ON "content"."Article"("lang");

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_lang_key" ON "content"."Article"("slug", "lang");

-- CreateIndex
CREATE INDEX "_ArticleToPerson_B_index" ON "content"."_ArticleToPerson"("B");

-- AddForeignKey
ALTER TABLE "people"."people" ADD CONSTRAINT "people_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "people"."people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content"."_ArticleToPerson" ADD CONSTRAINT "_ArticleToPerson_A_fkey" FOREIGN KEY ("A") REFERENCES "content"."Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content"."_ArticleToPerson" ADD CONSTRAINT "_ArticleToPerson_B_fkey" FOREIGN KEY ("B") REFERENCES "people"."people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

