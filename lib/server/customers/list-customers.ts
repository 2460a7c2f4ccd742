import { decodeCursor, page } from "../../api/cursor";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { customerSelect, serializeCustomer } from "../../serializers/customer";
import type { ListCustomersQuery } from "../../validations/customer";

/**
 * Newest first, by cursor. Deleted customers appear only when asked for with status=deleted.
 * `q` is a case-insensitive substring match served by the trigram indexes of the init migration.
 */
export async function listCustomers(query: ListCustomersQuery) {
  const cursorId = decodeCursor(query.cursor, "customer");
  // A substring, not a pattern: LIKE's wildcards and its escape character are taken literally.
  const term = query.q?.replace(/[\\%_]/g, (char) => `\\${char}`);
  const where: Prisma.CustomerWhereInput = {
    status: query.status ?? { in: ["active", "suspended"] },
    ...(query.external_id !== undefined ? { externalId: query.external_id } : {}),
    ...(term !== undefined
      ? {
          OR: [
            { email: { contains: term, mode: "insensitive" } },
            { companyName: { contains: term, mode: "insensitive" } },
            { externalId: { contains: term, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(cursorId ? { id: query.order === "oldest" ? { gt: cursorId } : { lt: cursorId } } : {}),
  };
  const rows = await db().customer.findMany({
    where,
    orderBy: { id: query.order === "oldest" ? "asc" : "desc" },
    take: query.limit + 1,
    select: customerSelect,
  });
  return page(rows, query.limit, serializeCustomer);
}
