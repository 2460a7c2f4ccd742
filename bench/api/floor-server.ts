// The floor: what one SQL statement per request costs with no framework at all. Plain node:http
// and a pg Pool of 20, the same statement the API's endpoint needs at its core, minimal
// validation. Run as its own process (FLOOR_PORT, DATABASE_URL) so it gets a core like the app.
import http from "node:http";
import pg from "pg";
import { customerSearchCondition } from "../../lib/server/customers/customer-sql";
import { eidAt } from "./eid";

const COLUMNS = `id, external_id, email, company_name, address_line1, address_line2, address_city, address_state,
  address_postal_code, address_country, properties, status, created_at, updated_at`;
const LIST = `select ${COLUMNS} from customers c where status in ('active', 'suspended')`;
const SEARCH = `and ${customerSearchCondition("$1", "$2")}`;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

async function create(raw: string, response: http.ServerResponse): Promise<void> {
  const input = JSON.parse(raw) as {
    external_id?: unknown;
    email?: unknown;
    company_name?: unknown;
    address?: { country?: unknown };
  };
  if (typeof input.external_id !== "string" || typeof input.email !== "string" || !input.email.includes("@"))
    return send(response, 422, { title: "external_id and email are required" });
  const country = input.address?.country;
  if (typeof country !== "string" || country.length !== 2)
    return send(response, 422, { title: "bad country" });
  const { rows } = await pool.query(
    `insert into customers (id, external_id, email, company_name, address_country, updated_at)
     values ($1, $2, $3, $4, $5, now()) returning ${COLUMNS}`,
    [eidAt("cus", Date.now()), input.external_id, input.email, input.company_name ?? null, country],
  );
  send(response, 201, rows[0]);
}

async function list(url: URL, response: http.ServerResponse): Promise<void> {
  const q = url.searchParams.get("q");
  const { rows } = q
    ? await pool.query(`${LIST} ${SEARCH} order by id desc limit 21`, [`%${q}%`, q])
    : await pool.query(`${LIST} order by id desc limit 21`);
  send(response, 200, { object: "list", data: rows.slice(0, 20), has_more: rows.length > 20 });
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://floor");
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const work =
      url.pathname !== "/customers.json"
        ? Promise.resolve(send(response, 404, { title: "not found" }))
        : request.method === "POST"
          ? create(Buffer.concat(chunks).toString("utf8"), response)
          : list(url, response);
    work.catch((error: { code?: string; message?: string }) =>
      send(response, error.code === "23505" ? 409 : 500, { title: error.message ?? "error" }),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.FLOOR_PORT ?? 3701), "127.0.0.1", () => console.log("floor: listening"));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
