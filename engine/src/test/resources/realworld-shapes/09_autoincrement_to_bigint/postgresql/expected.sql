-- Prisma 7.10.1's own script (prisma.sql) says SET DATA TYPE BIGSERIAL, which PostgreSQL refuses
-- (there is no such type to cast to); godwit changes the column and the type of its sequence.
ALTER TABLE "Event" ALTER COLUMN "id" SET DATA TYPE BIGINT USING ("id"::BIGINT);
ALTER SEQUENCE IF EXISTS "Event_id_seq" AS BIGINT;
