import { AppError } from "../errors/app-error";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request's body, refusing more than `maxBytes` without buffering it all first: a
 * declared Content-Length past the cap is refused before reading, and a body sent without one
 * (chunked) is cut off as soon as it passes the cap.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const length = request.headers.get("content-length");
  const declared = Number(length ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  // A declared length within the cap bounds the body: Node's HTTP parser delivers exactly that
  // many bytes (and refuses a request that also says Transfer-Encoding), so one read is safe,
  // and cheaper than the reader loop below (bench/api/README.md). The size is checked again for
  // a Request made some other way.
  if (length !== null && declared <= maxBytes) {
    const bytes = Buffer.from(await request.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    return bytes;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads the raw body as text, refusing more than 1 MB. */
export async function readRawBody(request: Request): Promise<string> {
  return (await readBodyBytes(request, MAX_BODY_BYTES)).toString("utf8");
}

export function parseJson(raw: string): unknown {
  if (raw.trim() === "")
    throw new AppError("malformed_json", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new AppError("malformed_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body exceeds ${maxBytes} bytes.`);
}
