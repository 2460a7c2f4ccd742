-- AlterTable
ALTER TABLE "idempotency_keys" DROP COLUMN "response_body",
ADD COLUMN     "response_body_encrypted" TEXT;

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "leased_until" TIMESTAMPTZ(3);


-- Hand-written. The schema test (tests/migrations.test.ts) allows the partial index below.

-- Idempotent responses are now stored encrypted. Those stored in clear before cannot be
-- encrypted in SQL (the key is not in the database), and dropping the column above took them
-- away: their keys are forgotten too, so a retry of such a request runs afresh rather than
-- finding a finished key without a response.
DELETE FROM "idempotency_keys" WHERE "response_status" IS NOT NULL;

-- Pending deliveries now wait in this table for their next attempt (no longer as pg-boss jobs),
-- and the delivery workers claim the due ones of each endpoint through this index.
UPDATE "webhook_deliveries" SET "next_attempt_at" = now() WHERE "status" = 'pending' AND "next_attempt_at" IS NULL;
CREATE INDEX "webhook_deliveries_due_partial_idx" ON "webhook_deliveries" ("endpoint_id", "next_attempt_at") WHERE "status" = 'pending';

-- The workers no longer look at deliveries of deleted endpoints (deleting one now fails its
-- pending deliveries): fail those left pending by earlier deletions.
UPDATE "webhook_deliveries" SET "status" = 'failed', "last_error" = 'endpoint deleted', "next_attempt_at" = NULL
  FROM "webhook_endpoints" WHERE "webhook_endpoints"."id" = "webhook_deliveries"."endpoint_id"
  AND "webhook_endpoints"."deleted_at" IS NOT NULL AND "webhook_deliveries"."status" = 'pending';
