-- AlterTable
ALTER TABLE "_FileToWorker" ADD CONSTRAINT "_FileToWorker_AB_pkey" PRIMARY KEY ("A", "B");

-- DropIndex
DROP INDEX "_FileToWorker_AB_unique";

