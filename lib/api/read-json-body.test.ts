import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { readBodyBytes } from "./read-json-body";

/** A POST whose body arrives in `chunks`, with or without a declared Content-Length. */
function post(chunks: string[], contentLength?: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[pulled++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    },
    // Nothing is pulled before someone reads.
    { highWaterMark: 0 },
  );
  const headers: Record<string, string> =
    contentLength === undefined ? {} : { "content-length": String(contentLength) };
  const request = new Request("http://localhost/customers.json", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

const tooLarge = (promise: Promise<unknown>) =>
  expect(promise).rejects.toSatisfy(
    (error) => error instanceof AppError && error.code === "payload_too_large",
  );

describe("readBodyBytes", () => {
  it("reads a body of declared length at once", async () => {
    const { request } = post(['{"a":', "1}"], 7);
    expect((await readBodyBytes(request, 7)).toString()).toBe('{"a":1}');
  });

  it("refuses a declared length past the cap without reading the body", async () => {
    const { request, pulled } = post(["x".repeat(10)], 10);
    await tooLarge(readBodyBytes(request, 9));
    expect(pulled()).toBe(0);
  });

  it("reads a chunked body up to the cap and cuts one off as soon as it passes it", async () => {
    expect((await readBodyBytes(post(["ab", "cd"]).request, 4)).toString()).toBe("abcd");
    const { request, pulled } = post(["ab", "cd", "ef", "gh"]);
    await tooLarge(readBodyBytes(request, 5));
    expect(pulled()).toBeLessThan(4);
  });

  it("still refuses more than the cap where a declared length understated the body", async () => {
    // Node's HTTP parser never delivers more than Content-Length; a Request made otherwise might.
    await tooLarge(readBodyBytes(post(["abc", "def"], 3).request, 4));
  });
});
