-- AlterTable (hand-edited: movement is added empty, filled from each row's before and after, then made NOT NULL)
ALTER TABLE "mrr_snapshots" ADD COLUMN     "changes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "movement" TEXT;

-- Hand-written: the rows recorded so far as movements (lib/metrics movementOfEvent: the writer
-- never records an unchanged figure), their causes unknown.
UPDATE "mrr_snapshots" SET
  "movement" = CASE
    WHEN COALESCE("previous_mrr", 0) = 0 THEN CASE WHEN "had_mrr_before" THEN 'reactivation' ELSE 'new' END
    WHEN "mrr" = 0 THEN 'churn'
    WHEN "mrr" > "previous_mrr" THEN 'expansion'
    ELSE 'contraction' END,
  "changes" = '[{"subscription_id":null,"description":null,"change":"unknown","from":null,"to":null}]';

ALTER TABLE "mrr_snapshots" ALTER COLUMN "movement" SET NOT NULL;

-- CreateTable
CREATE TABLE "mrr_days" (
    "currency" VARCHAR(3) NOT NULL,
    "day" DATE NOT NULL,
    "new_count" INTEGER NOT NULL DEFAULT 0,
    "new_amount" BIGINT NOT NULL DEFAULT 0,
    "expansion_count" INTEGER NOT NULL DEFAULT 0,
    "expansion_amount" BIGINT NOT NULL DEFAULT 0,
    "reactivation_count" INTEGER NOT NULL DEFAULT 0,
    "reactivation_amount" BIGINT NOT NULL DEFAULT 0,
    "contraction_count" INTEGER NOT NULL DEFAULT 0,
    "contraction_amount" BIGINT NOT NULL DEFAULT 0,
    "churn_count" INTEGER NOT NULL DEFAULT 0,
    "churn_amount" BIGINT NOT NULL DEFAULT 0,
    "end_mrr" BIGINT NOT NULL,
    "paying_customers" INTEGER NOT NULL,

    CONSTRAINT "mrr_days_pkey" PRIMARY KEY ("currency","day")
);

-- CreateTable
CREATE TABLE "customer_risk_signals" (
    "id" BIGSERIAL NOT NULL,
    "customer_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "appeared_at" TIMESTAMPTZ(3) NOT NULL,
    "cleared_at" TIMESTAMPTZ(3),

    CONSTRAINT "customer_risk_signals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customer_risk_signals_customer_id_appeared_at_idx" ON "customer_risk_signals"("customer_id", "appeared_at" DESC);

-- CreateIndex
CREATE INDEX "mrr_snapshots_currency_effective_at_id_idx" ON "mrr_snapshots"("currency", "effective_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "mrr_snapshots_currency_movement_effective_at_id_idx" ON "mrr_snapshots"("currency", "movement", "effective_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "customer_risk_signals" ADD CONSTRAINT "customer_risk_signals_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written: the kept days from the rows so far (record-mrr-day.ts keeps them from now on):
-- each day's movements, and the running MRR and paying customers at its end.
INSERT INTO "mrr_days" ("currency", "day", "new_count", "new_amount", "expansion_count", "expansion_amount", "reactivation_count", "reactivation_amount", "contraction_count", "contraction_amount", "churn_count", "churn_amount", "end_mrr", "paying_customers")
SELECT "currency", "day", "new_count", "new_amount", "expansion_count", "expansion_amount", "reactivation_count", "reactivation_amount", "contraction_count", "contraction_amount", "churn_count", "churn_amount",
       (sum("delta") OVER (PARTITION BY "currency" ORDER BY "day"))::bigint,
       (sum("paying") OVER (PARTITION BY "currency" ORDER BY "day"))::int
FROM (
  SELECT "currency", ("effective_at" AT TIME ZONE 'UTC')::date AS "day",
         count(*) FILTER (WHERE "movement" = 'new')::int AS "new_count",
         COALESCE(sum(abs("mrr" - COALESCE("previous_mrr", 0))) FILTER (WHERE "movement" = 'new'), 0)::bigint AS "new_amount",
         count(*) FILTER (WHERE "movement" = 'expansion')::int AS "expansion_count",
         COALESCE(sum(abs("mrr" - COALESCE("previous_mrr", 0))) FILTER (WHERE "movement" = 'expansion'), 0)::bigint AS "expansion_amount",
         count(*) FILTER (WHERE "movement" = 'reactivation')::int AS "reactivation_count",
         COALESCE(sum(abs("mrr" - COALESCE("previous_mrr", 0))) FILTER (WHERE "movement" = 'reactivation'), 0)::bigint AS "reactivation_amount",
         count(*) FILTER (WHERE "movement" = 'contraction')::int AS "contraction_count",
         COALESCE(sum(abs("mrr" - COALESCE("previous_mrr", 0))) FILTER (WHERE "movement" = 'contraction'), 0)::bigint AS "contraction_amount",
         count(*) FILTER (WHERE "movement" = 'churn')::int AS "churn_count",
         COALESCE(sum(abs("mrr" - COALESCE("previous_mrr", 0))) FILTER (WHERE "movement" = 'churn'), 0)::bigint AS "churn_amount",
         sum("mrr" - COALESCE("previous_mrr", 0)) AS "delta",
         sum(CASE WHEN "movement" IN ('new', 'reactivation') THEN 1 WHEN "movement" = 'churn' THEN -1 ELSE 0 END) AS "paying"
  FROM "mrr_snapshots" GROUP BY 1, 2
) AS "days";

-- Hand-written: at most one open period per customer and signal (Prisma cannot declare partial indexes).
CREATE UNIQUE INDEX "customer_risk_signals_open_partial_idx" ON "customer_risk_signals"("customer_id", "code") WHERE "cleared_at" IS NULL;

-- Hand-written: an open period for each current signal, from when its kept row was last written
-- (the earliest time known to have it), and a review of those rows soon, which adds each
-- signal's evidence to the kept signals (the review job: lib/server/financials).
INSERT INTO "customer_risk_signals" ("customer_id", "code", "appeared_at")
SELECT f."customer_id", s->>'code', f."updated_at"
FROM "customer_financials" f, jsonb_array_elements(f."risk_signals") AS s;

UPDATE "customer_financials" SET "review_at" = CURRENT_TIMESTAMP WHERE "risk_signals" <> '[]'::jsonb;
