-- CreateTable
CREATE TABLE "customer_financials" (
    "customer_id" TEXT NOT NULL,
    "primary_currency" VARCHAR(3),
    "risk_score" INTEGER NOT NULL DEFAULT 0,
    "risk_level" TEXT NOT NULL DEFAULT 'low',
    "risk_signals" JSONB NOT NULL DEFAULT '[]',
    "has_payment_method" BOOLEAN NOT NULL DEFAULT false,
    "card_expires_on" DATE,
    "review_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_financials_pkey" PRIMARY KEY ("customer_id")
);

-- CreateTable
CREATE TABLE "customer_mrr" (
    "customer_id" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "mrr" BIGINT NOT NULL,

    CONSTRAINT "customer_mrr_pkey" PRIMARY KEY ("customer_id","currency")
);

-- CreateTable
CREATE TABLE "customer_properties" (
    "customer_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value_text" TEXT,
    "value_number" DECIMAL,
    "value_boolean" BOOLEAN,

    CONSTRAINT "customer_properties_pkey" PRIMARY KEY ("customer_id","key")
);

-- CreateIndex
CREATE INDEX "customer_financials_risk_level_customer_id_idx" ON "customer_financials"("risk_level", "customer_id" DESC);

-- CreateIndex
CREATE INDEX "customer_financials_risk_score_customer_id_idx" ON "customer_financials"("risk_score" DESC, "customer_id" DESC);

-- CreateIndex
CREATE INDEX "customer_financials_card_expires_on_idx" ON "customer_financials"("card_expires_on");

-- CreateIndex
CREATE INDEX "customer_financials_review_at_idx" ON "customer_financials"("review_at");

-- CreateIndex
CREATE INDEX "customer_mrr_currency_mrr_customer_id_idx" ON "customer_mrr"("currency", "mrr" DESC, "customer_id" DESC);

-- CreateIndex
CREATE INDEX "customer_properties_key_value_text_idx" ON "customer_properties"("key", "value_text");

-- CreateIndex
CREATE INDEX "customer_properties_key_value_number_idx" ON "customer_properties"("key", "value_number");

-- CreateIndex
CREATE INDEX "customer_properties_key_value_boolean_idx" ON "customer_properties"("key", "value_boolean");

-- AddForeignKey
ALTER TABLE "customer_financials" ADD CONSTRAINT "customer_financials_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_mrr" ADD CONSTRAINT "customer_mrr_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_properties" ADD CONSTRAINT "customer_properties_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: the property rows of the customers that exist, one per key, in the column of its type.
INSERT INTO "customer_properties" ("customer_id", "key", "value_text", "value_number", "value_boolean")
SELECT c."id", p->>'key',
       CASE WHEN jsonb_typeof(p->'value') = 'string' THEN p->>'value' END,
       CASE WHEN jsonb_typeof(p->'value') = 'number' THEN (p->>'value')::numeric END,
       CASE WHEN jsonb_typeof(p->'value') = 'boolean' THEN (p->>'value')::boolean END
FROM "customers" c, jsonb_array_elements(c."properties") AS p
ON CONFLICT DO NOTHING;
