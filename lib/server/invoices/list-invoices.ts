import { db } from "../../db";
import { decodeCursor, page } from "../../pagination/cursor";
import { serializeInvoice } from "../../serializers/invoice";
import type { PaginationQuery } from "../../validations/pagination";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/** The customer's invoices, newest first, by cursor. */
export async function listInvoices({ customerId, query }: { customerId: string; query: PaginationQuery }) {
  await getCustomerRowOrThrow(customerId);
  const cursorId = decodeCursor(query.cursor, "invoice");
  const rows = await db().invoice.findMany({
    where: { customerId, ...(cursorId ? { id: { lt: cursorId } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { charge: { select: { id: true } } },
  });
  return page(rows, query.limit, serializeInvoice);
}
