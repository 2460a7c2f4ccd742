import { ApiError } from "./api-error";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the raw body, refusing more than 1 MB without buffering it all first. */
export async function readRawBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJson(raw: string): unknown {
  if (raw.trim() === "")
    throw new ApiError("malformed_json", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ApiError("malformed_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(): ApiError {
  return new ApiError("payload_too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
}
