-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "identity_version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "stripe_sync_error" TEXT,
ADD COLUMN     "stripe_sync_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stripe_synced_at" TIMESTAMPTZ(3),
ADD COLUMN     "stripe_synced_version" INTEGER;

-- CreateTable
CREATE TABLE "stripe_customer_sync_requests" (
    "id" BIGSERIAL NOT NULL,
    "customer_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stripe_customer_sync_requests_pkey" PRIMARY KEY ("id")
);


-- Customers that already have a Stripe customer were created there without their address: one
-- sync each pushes their whole identity (email, company name, address) once the app runs.
INSERT INTO "stripe_customer_sync_requests" ("customer_id")
SELECT "id" FROM "customers" WHERE "stripe_customer_id" IS NOT NULL;
