// The raw floor: what one SQL statement per request costs with no framework at all. Plain
// node:http around floor-queries.ts. Run as its own process (FLOOR_PORT, DATABASE_URL) so it
// gets a core like the app.
import http from "node:http";
import { closeFloorPool, type FloorAnswer, floorCreate, floorFailure, floorList } from "./floor-queries";

function send(response: http.ServerResponse, { status, body }: FloorAnswer): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://floor");
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const work: Promise<FloorAnswer> =
      url.pathname !== "/customers.json"
        ? Promise.resolve({ status: 404, body: { title: "not found" } })
        : request.method === "POST"
          ? floorCreate(Buffer.concat(chunks).toString("utf8"))
          : floorList(url.searchParams.get("q"));
    work.catch(floorFailure).then((answer) => send(response, answer));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.FLOOR_PORT ?? 3701), "127.0.0.1", () => console.log("floor: listening"));
process.on("SIGTERM", () => server.close(() => void closeFloorPool().then(() => process.exit(0))));
