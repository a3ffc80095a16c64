CREATE TABLE "ClassificationFeedback" ("id" TEXT NOT NULL, "emailAccountId" TEXT NOT NULL, "sender" TEXT NOT NULL, "ruleId" TEXT NOT NULL, "messageId" TEXT NOT NULL, "eventType" TEXT NOT NULL, CONSTRAINT "ClassificationFeedback_pkey" PRIMARY KEY ("id"));
-- an older Prisma wrote the whole default name; PostgreSQL keeps its first 63 bytes
CREATE UNIQUE INDEX "ClassificationFeedback_emailAccountId_sender_ruleId_messageId_eventType_key" ON "ClassificationFeedback"("emailAccountId", "sender", "ruleId", "messageId", "eventType");
