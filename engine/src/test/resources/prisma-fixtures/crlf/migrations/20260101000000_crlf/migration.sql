-- CreateTable
CREATE TABLE "Crlf" (
    "id" SERIAL NOT NULL,
    "note" TEXT NOT NULL DEFAULT 'a
b',

    CONSTRAINT "Crlf_pkey" PRIMARY KEY ("id")
);
