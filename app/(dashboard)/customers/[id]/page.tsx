import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getCustomerForStaff } from "@/lib/dal/customers";
import { customerQuery } from "@/lib/queries/customers";
import { getQueryClient } from "@/lib/queries/query-client";
import { CustomerPageBody } from "./customer-page-body";

export const metadata: Metadata = { title: "Customer" };

/** The customer is fetched on the server; the panels around it load their own data in the browser. */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const queryClient = getQueryClient();
  queryClient.setQueryData(customerQuery(id).queryKey, await getCustomerForStaff(id));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CustomerPageBody customerId={id} />
    </HydrationBoundary>
  );
}
