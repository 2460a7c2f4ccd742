import { COMMON_TERM, RARE_TERM } from "./fake-data";
import type { LoadRequest } from "./load";

/**
 * `POST /customers.json` bodies with unique external ids `bench-<target>-<tag>-<n>` (removed by
 * removeBenchRows afterwards). The target (app, floor, …) keeps the two servers' rows apart.
 */
export function customerCreates(tag: string): (target: string) => LoadRequest {
  let sequence = 0;
  return (target) => {
    sequence++;
    return {
      method: "POST",
      path: "/customers.json",
      body: JSON.stringify({
        external_id: `bench-${target}-${tag}-${sequence}`,
        email: `load${sequence}@bench-${tag}.example`,
        company_name: `Bench ${sequence} GmbH`,
        address: { line1: "1 Load Street", city: "Berlin", postal_code: "10115", country: "DE" },
      }),
    };
  };
}

export const firstPage = (): LoadRequest => ({ method: "GET", path: "/customers.json" });
export const commonSearch = (): LoadRequest => ({ method: "GET", path: `/customers.json?q=${COMMON_TERM}` });
export const rareSearch = (): LoadRequest => ({ method: "GET", path: `/customers.json?q=${RARE_TERM}` });
