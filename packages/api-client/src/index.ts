import { type Client, type Config, createClient } from "./generated/client";

// The package's entry: the generated operations (one function per operationId, e.g.
// listCustomers, createCustomer) and types (Customer, Problem, CreateCustomerData, …), the
// generated fetch client, and one convenience for the usual case, an API key and a base URL.

export * from "./generated";
export type { Client, Config, RequestResult } from "./generated/client";
export { createClient };

export interface DonutWorkClientOptions {
  /** Where DonutWork runs, e.g. `https://billing.example.com` (the operations' paths are appended). */
  baseUrl: string;
  /** An API key (`dw_…`), sent as `Authorization: Bearer …` on every operation. */
  apiKey: string;
  /** Another fetch (a test double, a proxy agent); the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Anything else hey-api's fetch client accepts (headers, credentials, throwOnError, …). */
  config?: Omit<Config, "baseUrl" | "auth" | "fetch">;
}

/** A client for one DonutWork deployment, authenticated with an API key. */
export function createDonutWorkClient(options: DonutWorkClientOptions): Client {
  return createClient({
    ...options.config,
    baseUrl: options.baseUrl,
    auth: options.apiKey,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
