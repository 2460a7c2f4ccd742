import { NextRequest } from "next/server";
import { problemResponse } from "@/lib/api/problem-response";
import { readBodyBytes } from "@/lib/api/read-json-body";
import { handlers } from "@/lib/auth/auth-js";
import { AppError } from "@/lib/errors/app-error";

/**
 * Auth.js's endpoints take small form posts (an email, a password, a CSRF token): 16 KB is far
 * more than any of them needs, and the cap is applied while the body streams in, so nobody can
 * make the server buffer an unbounded body before Auth.js parses it.
 */
const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

export const GET = handlers.GET;

export async function POST(request: NextRequest): Promise<Response> {
  let body: Buffer;
  try {
    body = await readBodyBytes(request, AUTH_BODY_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof AppError) return problemResponse(error);
    throw error;
  }
  return handlers.POST(
    new NextRequest(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(body) }),
  );
}
