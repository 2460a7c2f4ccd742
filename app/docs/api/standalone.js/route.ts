import { scalarBundle } from "@/lib/api-reference/scalar-bundle";

/** Scalar's browser bundle for /docs/api, from the installed package. */
export function GET() {
  return new Response(scalarBundle(), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
