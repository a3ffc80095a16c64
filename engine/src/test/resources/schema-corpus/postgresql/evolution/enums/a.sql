CREATE TYPE "TicketStatus" AS ENUM ('OPEN', 'DONE');
CREATE TYPE "Priority" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'URGENT');
CREATE TYPE "Obsolete" AS ENUM ('A');
CREATE TABLE "Ticket" (
    "id" SERIAL PRIMARY KEY,
    "status" "TicketStatus" NOT NULL DEFAULT 'OPEN',
    "priority" "Priority" NOT NULL DEFAULT 'LOW',
    "history" "Priority"[],
    "old" "Obsolete"
);
