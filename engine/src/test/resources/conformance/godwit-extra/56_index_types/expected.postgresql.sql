-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "events" (
    "id" SERIAL NOT NULL,
    "event_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "score" INTEGER NOT NULL,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "events_event_key_idx" ON "events" USING HASH ("event_key");

-- CreateIndex
CREATE INDEX "events_payload_idx" ON "events" USING GIN ("payload");

-- CreateIndex
CREATE INDEX "events_occurred_at_idx" ON "events" USING BRIN ("occurred_at");

-- CreateIndex
CREATE INDEX "events_score_event_key_idx" ON "events"("score" DESC, "event_key");

