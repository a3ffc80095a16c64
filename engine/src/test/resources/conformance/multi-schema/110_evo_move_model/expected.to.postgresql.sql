-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "auth";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "base";

-- CreateEnum
CREATE TYPE "auth"."Kind" AS ENUM ('PERSON', 'TEAM');

-- CreateTable
CREATE TABLE "auth"."Account" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "kind" "auth"."Kind" NOT NULL DEFAULT 'PERSON',

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "base"."Post" (
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "auth"."Account"("email");

-- CreateIndex
CREATE INDEX "Post_authorId_idx" ON "base"."Post"("authorId");

-- AddForeignKey
ALTER TABLE "base"."Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "auth"."Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

