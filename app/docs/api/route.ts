import { headers } from "next/headers";
import { referencePage } from "@/lib/api-reference/reference-page";

/** The API reference (public: it shows the document, no data). proxy.ts set the request's nonce. */
export async function GET() {
  return referencePage((await headers()).get("x-nonce") ?? "");
}
