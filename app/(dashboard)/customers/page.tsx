import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { unstable_rethrow } from "next/navigation";
import { listCustomersForStaff } from "@/lib/dal/customers";
import { customerListQuery, customerListQueryParams } from "@/lib/queries/customers";
import { getQueryClient } from "@/lib/queries/query-client";
import { formatBracketParams } from "@/lib/validations/bracket-params";
import { CustomerTable } from "./customer-table";
import { ListHeading } from "./list-heading";
import { queryParamsOf, readListState } from "./list-params";

export const metadata: Metadata = { title: "Customers" };

/** Prefetches the page the URL asks for on the server, so the table arrives filled in. */
export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const state = readListState(
    Object.entries(raw).flatMap(([name, value]) =>
      typeof value === "string" ? [[name, value] as [string, string]] : [],
    ),
  );
  const params = queryParamsOf(state);
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery({
      ...customerListQuery(params),
      // The same query the client sends (customerListQueryParams), parsed by the API's own schema.
      queryFn: () =>
        listCustomersForStaff(new URLSearchParams(formatBracketParams(customerListQueryParams(params)))),
    });
  } catch (error) {
    // The access check's redirect or forbidden page goes through; any other failure (say, a
    // hand-edited cursor) is not dehydrated, and the client's own fetch then shows the API's message.
    unstable_rethrow(error);
  }
  return (
    <main>
      <ListHeading />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CustomerTable />
      </HydrationBoundary>
    </main>
  );
}
