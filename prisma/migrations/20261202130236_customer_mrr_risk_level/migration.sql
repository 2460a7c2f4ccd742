-- AlterTable
ALTER TABLE "customer_mrr" ADD COLUMN     "risk_level" TEXT NOT NULL DEFAULT 'low';

-- Hand-written: each customer's kept risk level onto its MRR rows, which
-- lib/server/financials/refresh-customer-financials.ts writes from now on with the rest of them.
UPDATE "customer_mrr" cm SET "risk_level" = f."risk_level"
FROM "customer_financials" f
WHERE f."customer_id" = cm."customer_id" AND cm."risk_level" IS DISTINCT FROM f."risk_level";

-- CreateIndex
CREATE INDEX "customer_mrr_currency_risk_level_mrr_customer_id_idx" ON "customer_mrr"("currency", "risk_level", "mrr" DESC, "customer_id" DESC);


ANALYZE "customer_mrr";
