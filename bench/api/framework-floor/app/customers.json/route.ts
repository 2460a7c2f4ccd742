// The framework floor's one route: the raw floor's statements (floor-queries.ts) behind a bare
// App Router route handler, so that the benchmark sees what Next.js itself costs per request.
import { type FloorAnswer, floorCreate, floorFailure, floorList } from "../../../floor-queries";

// Never prerendered at build time: every request runs its statement, as in the app.
export const dynamic = "force-dynamic";

const answer = async (work: () => Promise<FloorAnswer>): Promise<Response> => {
  const { status, body } = await work().catch(floorFailure);
  return Response.json(body, { status });
};

export const GET = (request: Request) => answer(() => floorList(new URL(request.url).searchParams.get("q")));

export const POST = async (request: Request) => {
  const raw = await request.text();
  return answer(() => floorCreate(raw));
};
