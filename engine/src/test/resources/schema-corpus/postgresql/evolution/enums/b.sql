CREATE TYPE "TicketStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'ARCHIVED');
CREATE TYPE "Priority" AS ENUM ('LOW', 'HIGH', 'MEDIUM');
CREATE TYPE "Severity" AS ENUM ('LOW', 'HIGH');
CREATE TABLE "Ticket" (
    "id" SERIAL PRIMARY KEY,
    "status" "TicketStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "priority" "Priority" NOT NULL DEFAULT 'LOW',
    "history" "Priority"[],
    "severity" "Severity" NOT NULL DEFAULT 'LOW'
);
