import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/api-error";
import { customerQuery } from "@/lib/queries/customers";
import { getQueryClient } from "@/lib/queries/query-client";
import { getCustomer } from "@/lib/server/customers/get-customer";
import { CustomerPageBody } from "./customer-page-body";

export const metadata: Metadata = { title: "Customer" };

async function loadCustomer(id: string) {
  try {
    return await getCustomer(id);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  }
}

/** The customer is fetched on the server; the panels around it load their own data in the browser. */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const queryClient = getQueryClient();
  queryClient.setQueryData(customerQuery(id).queryKey, await loadCustomer(id));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CustomerPageBody customerId={id} />
    </HydrationBoundary>
  );
}
