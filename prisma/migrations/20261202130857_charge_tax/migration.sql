-- AlterTable
ALTER TABLE "charges" ADD COLUMN     "tax" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "amount_credited" INTEGER NOT NULL DEFAULT 0;


-- Charges billed before this migration carry their invoice's tax (the card paid amount + tax).
UPDATE "charges" SET "tax" = "invoices"."tax"
FROM "invoices"
WHERE "charges"."invoice_id" = "invoices"."id" AND "invoices"."status" <> 'draft';
