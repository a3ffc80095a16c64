-- CreateTable
CREATE TABLE "auth"."extra" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "extra_pkey" PRIMARY KEY ("id")
);

