-- CreateTable
CREATE TABLE "Thing" (
    "id" SERIAL NOT NULL,

    CONSTRAINT "Thing_pkey" PRIMARY KEY ("id")
);
