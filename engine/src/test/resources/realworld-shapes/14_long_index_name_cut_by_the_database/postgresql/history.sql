CREATE TABLE "ClassificationFeedback" ("id" TEXT NOT NULL, "emailAccountId" TEXT NOT NULL, "sender" TEXT NOT NULL, "ruleId" TEXT NOT NULL, "messageId" TEXT NOT NULL, "eventType" TEXT NOT NULL, CONSTRAINT "ClassificationFeedback_pkey" PRIMARY KEY ("id"));
-- an older Prisma wrote the whole default name; PostgreSQL keeps its first 63 bytes
CREATE UNIQUE INDEX "ClassificationFeedback_emailAccountId_sender_ruleId_messageId_eventType_key" ON "ClassificationFeedback"("emailAccountId", "sender", "ruleId", "messageId", "eventType");
CREATE TABLE "ReplyMemory" ("id" TEXT NOT NULL, "emailAccountId" TEXT NOT NULL, "kind" TEXT NOT NULL, "scopeType" TEXT NOT NULL, "scopeValue" TEXT NOT NULL, "content" TEXT NOT NULL, CONSTRAINT "ReplyMemory_pkey" PRIMARY KEY ("id"));
-- the same, as a UNIQUE constraint
ALTER TABLE "ReplyMemory" ADD CONSTRAINT "ReplyMemory_emailAccountId_kind_scopeType_scopeValue_content_key" UNIQUE ("emailAccountId", "kind", "scopeType", "scopeValue", "content");
