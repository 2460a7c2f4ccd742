import { z } from "zod";
import { env } from "../env";

/**
 * `?return_url=` of GET /customers/{id}/payment_link.json: where the return pages offer to send
 * the customer back. Only http(s) URLs on a host in RETURN_URL_ALLOWED_HOSTS (or APP_URL's own
 * host) are accepted, so a payment link can never become an open redirect.
 */
export const paymentLinkQuerySchema = z.strictObject({
  return_url: z
    .url({ error: "must be an absolute URL" })
    .max(2048, "must be at most 2048 characters")
    // zod runs refinements even after z.url() failed, so parse defensively.
    .refine((value) => /^https?:$/.test(parsed(value)?.protocol ?? ""), "must be an http or https URL")
    .refine((value) => allowedReturnHosts().includes(parsed(value)?.hostname.toLowerCase() ?? ""), {
      error: "must point to a host in RETURN_URL_ALLOWED_HOSTS",
    })
    .optional(),
});

function parsed(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function allowedReturnHosts(): string[] {
  return [...env().RETURN_URL_ALLOWED_HOSTS, new URL(env().APP_URL).hostname.toLowerCase()];
}
