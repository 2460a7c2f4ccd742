import type { APIRequestContext } from "@playwright/test";

// The ways a browser asks for a page: a plain navigation, the router's RSC fetch (with and without
// its state tree), a prefetch and a segment prefetch. A refusal must hold for each.

// A well-formed tree: Next refuses a malformed one before rendering anything, which would prove nothing.
const ROUTER_STATE_TREE = encodeURIComponent(
  JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null]),
);

export const PAGE_REQUEST_KINDS: Record<string, Record<string, string>> = {
  "a plain request": {},
  "an RSC request": { rsc: "1" },
  "an RSC request with Next-Router-State-Tree": { rsc: "1", "next-router-state-tree": ROUTER_STATE_TREE },
  "a prefetch": { rsc: "1", "next-router-prefetch": "1" },
  "a segment prefetch": { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
};

export interface PageAnswer {
  status: number;
  location: string;
  /** Every response's headers and body, as one text to search for leaks. */
  everything: string;
  body: string;
}

/**
 * One page request, redirects not followed, so that a redirect's own body is what gets read.
 * The one redirect taken is Next's own for RSC requests, which sends a request without the
 * `_rsc` cache-busting parameter to the same path with it: the page answers only there.
 */
export async function requestPage(
  request: APIRequestContext,
  url: string,
  headers: Record<string, string>,
): Promise<PageAnswer> {
  const texts: string[] = [];
  let target = url;
  for (let hop = 0; ; hop++) {
    const response = await request.get(target, { headers, maxRedirects: 0, failOnStatusCode: false });
    const body = await response.text();
    const headerText = response
      .headersArray()
      .map(({ name, value }) => `${name}: ${value}`)
      .join("\n");
    texts.push(`${headerText}\n${body}`);
    const location = response.headers().location ?? "";
    if (hop === 0 && isRscCacheBusting(target, location)) {
      target = location;
      continue;
    }
    return { status: response.status(), location, everything: texts.join("\n"), body };
  }
}

function isRscCacheBusting(from: string, location: string): boolean {
  if (!location) return false;
  const before = new URL(from, "http://host");
  const after = new URL(location, "http://host");
  return (
    after.pathname === before.pathname && after.searchParams.has("_rsc") && !before.searchParams.has("_rsc")
  );
}
