import { randomUUID } from "node:crypto";
import type { CreateCustomerData } from "@donutwork/api-client";
import { addressExample } from "../../lib/validations/examples";

export type CustomerBody = NonNullable<CreateCustomerData["body"]>;

/**
 * A body for POST /customers.json with a fresh external_id and email, so tests never collide and
 * run in any order, at the address the API document shows as its example.
 */
export function newCustomerBody(overrides: Partial<CustomerBody> = {}): CustomerBody {
  const id = randomUUID();
  return {
    external_id: `crm-${id}`,
    email: `billing+${id.slice(0, 8)}@acme.example`,
    company_name: `Acme ${id.slice(0, 8)} GmbH`,
    address: { ...addressExample },
    ...overrides,
  };
}
