import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { newCustomerBody } from "../../../tests/support/customer-body";
import { bearer } from "../../support/api";
import { credentials } from "../../support/credentials";
import type { Marker } from "./leaks";
import { adminHeaders, newStaffUser } from "./staff";

/** A random, unmistakable token: found anywhere in a refused response, it is a leak. */
export const markerToken = () => randomBytes(8).toString("hex");

export interface MarkerCustomer {
  id: string;
  /** In the email, the company name and the external id; never in a URL the specs request. */
  token: string;
  markers: Marker[];
}

/** A customer whose email, company name and external id each carry a token of its own. */
export async function createMarkerCustomer(request: APIRequestContext): Promise<MarkerCustomer> {
  const token = markerToken();
  const [email, company, external] = [`${token}e`, `${token}c`, `${token}x`];
  const response = await request.post("/customers.json", {
    headers: bearer(credentials().deployed.writeKey),
    data: newCustomerBody({
      email: `leak.${email}@marker.example`,
      company_name: `Marker ${company} GmbH`,
      external_id: `ext-${external}`,
    }),
  });
  if (response.status() !== 201)
    throw new Error(`marker customer: ${response.status()} ${await response.text()}`);
  const customer = (await response.json()) as {
    id: string;
    email: string;
    company_name: string;
    external_id: string;
  };
  return {
    id: customer.id,
    token,
    markers: [
      { label: "customer email", value: customer.email },
      { label: "customer email token", value: email },
      { label: "company name", value: customer.company_name },
      { label: "company name token", value: company },
      { label: "external id", value: customer.external_id },
      { label: "external id token", value: external },
    ],
  };
}

export const customerIdMarkers = (id: string): Marker[] => [
  { label: "customer id", value: id },
  { label: "customer id (ULID part)", value: id.replace(/^cus_/, "") },
];

/**
 * Admin data only admins may see: an API key's name, another staff user's email, a webhook URL.
 * `remove` revokes the key and deletes the endpoint again.
 */
export async function createAdminMarkers(
  request: APIRequestContext,
): Promise<{ markers: Marker[]; remove: (request: APIRequestContext) => Promise<void> }> {
  const headers = await adminHeaders();
  const keyName = `marker key ${markerToken()}`;
  const key = await request.post("/api_keys.json", { headers, data: { name: keyName, scopes: ["read"] } });
  if (key.status() !== 201) throw new Error(`marker API key: ${key.status()} ${await key.text()}`);
  const staff = await newStaffUser("viewer", `marker-${markerToken()}`);
  // A public address literal (no DNS), subscribed to an event the suite never causes, so no
  // delivery is ever attempted.
  const webhookUrl = `https://1.1.1.1/marker-${markerToken()}`;
  const webhook = await request.post("/webhook_endpoints.json", {
    headers,
    data: { url: webhookUrl, enabled_events: ["customer.payment_method.detached"] },
  });
  if (webhook.status() !== 201)
    throw new Error(`marker webhook: ${webhook.status()} ${await webhook.text()}`);
  const keyId = ((await key.json()) as { id: string }).id;
  const webhookId = ((await webhook.json()) as { id: string }).id;
  const markers = [
    { label: "API key name", value: keyName },
    { label: "API key name token", value: keyName.split(" ").at(-1) ?? keyName },
    { label: "other staff email", value: staff.email },
    { label: "webhook URL", value: webhookUrl },
    { label: "webhook URL token", value: webhookUrl.split("/").at(-1) ?? webhookUrl },
  ];
  const remove = async (request: APIRequestContext) => {
    await request.delete(`/api_keys/${keyId}.json`, { headers });
    await request.delete(`/webhook_endpoints/${webhookId}.json`, { headers });
  };
  return { markers, remove };
}
