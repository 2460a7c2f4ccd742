import "server-only";
import { notFound } from "next/navigation";
import { requireStaff } from "../auth/current-staff";
import { AppError } from "../errors/app-error";
import { getCustomer } from "../server/customers/get-customer";
import { listCustomers } from "../server/customers/list-customers";
import { listCustomersQuerySchema } from "../validations/customer-list-query";
import { parseQuery } from "../validations/parse-query";
import { isStorableText } from "../validations/text";

// The pages' way to customer data (Next.js's "Data Access Layer"): each function decides who is
// asking before it reads anything, so a page that renders beside a redirecting layout still
// fetches nothing for a visitor without the right. Pages never import lib/server directly
// (tests/architecture/page-data-access.test.ts).

/** A page of the customer list, for any signed-in staff user: the query as the API parses it. */
export async function listCustomersForStaff(search: URLSearchParams) {
  await requireStaff({ permission: "read" });
  return listCustomers(parseQuery(listCustomersQuerySchema, search));
}

/** One customer, for any signed-in staff user; an id that names no customer is the not-found page. */
export async function getCustomerForStaff(id: string) {
  await requireStaff({ permission: "read" });
  if (!isStorableText(id)) notFound();
  try {
    return await getCustomer(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
