-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver" (
    "id" SERIAL NOT NULL,
    "anotherQuiteLongColumnNameToPushPastTheLimit" TEXT NOT NULL,
    "shortOne" TEXT NOT NULL,
    "secondVeryLongColumnNameThatAlsoIsQuiteLong" INTEGER NOT NULL,

    CONSTRAINT "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildWithAnotherVeryLongModelNameForTesting" (
    "id" SERIAL NOT NULL,
    "parentReferenceWithAVeryLongColumnName" INTEGER NOT NULL,

    CONSTRAINT "ChildWithAnotherVeryLongModelNameForTesting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildWithAnotherVeryLongModelNameForTesting2" (
    "id" SERIAL NOT NULL,

    CONSTRAINT "ChildWithAnotherVeryLongModelNameForTesting2_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AnExtremelyLongRelationNameForTheImplicitManyToManyJoinTable" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_AnExtremelyLongRelationNameForTheImplicitManyToManyJoi_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver_anot_key" ON "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver"("anotherQuiteLongColumnNameToPushPastTheLimit");

-- CreateIndex
CREATE INDEX "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver_shor_idx" ON "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver"("shortOne", "secondVeryLongColumnNameThatAlsoIsQuiteLong");

-- CreateIndex
CREATE UNIQUE INDEX "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver_shor_key" ON "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver"("shortOne", "anotherQuiteLongColumnNameToPushPastTheLimit");

-- CreateIndex
CREATE INDEX "_AnExtremelyLongRelationNameForTheImplicitManyToManyJoi_B_index" ON "_AnExtremelyLongRelationNameForTheImplicitManyToManyJoinTable"("B");

-- AddForeignKey
ALTER TABLE "ChildWithAnotherVeryLongModelNameForTesting" ADD CONSTRAINT "ChildWithAnotherVeryLongModelNameForTesting_parentReferenc_fkey" FOREIGN KEY ("parentReferenceWithAVeryLongColumnName") REFERENCES "AVeryLongModelNameThatKeepsGoingAndGoingForeverAndEver"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AnExtremelyLongRelationNameForTheImplicitManyToManyJoinTable" ADD CONSTRAINT "_AnExtremelyLongRelationNameForTheImplicitManyToManyJoin_A_fkey" FOREIGN KEY ("A") REFERENCES "ChildWithAnotherVeryLongModelNameForTesting2"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AnExtremelyLongRelationNameForTheImplicitManyToManyJoinTable" ADD CONSTRAINT "_AnExtremelyLongRelationNameForTheImplicitManyToManyJoin_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

