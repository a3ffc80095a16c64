-- Prisma's two statements (prisma.sql), in godwit's step order: indexes are dropped before tables change.
-- DropIndex
DROP INDEX "_FileToWorker_AB_unique";

-- AlterTable
ALTER TABLE "_FileToWorker" ADD CONSTRAINT "_FileToWorker_AB_pkey" PRIMARY KEY ("A", "B");
