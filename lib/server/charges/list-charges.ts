import { db } from "../../db";
import { decodeCursor, page } from "../../pagination/cursor";
import { serializeCharge } from "../../serializers/charge";
import type { PaginationQuery } from "../../validations/pagination";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/** The customer's charges, newest first, by cursor, each with its refunds. */
export async function listCharges({ customerId, query }: { customerId: string; query: PaginationQuery }) {
  await getCustomerRowOrThrow(customerId);
  const cursorId = decodeCursor(query.cursor, "charge");
  const rows = await db().charge.findMany({
    where: { customerId, ...(cursorId ? { id: { lt: cursorId } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { refunds: { orderBy: { id: "asc" } } },
  });
  return page(rows, query.limit, serializeCharge);
}
