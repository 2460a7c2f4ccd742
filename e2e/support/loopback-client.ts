import { test } from "@playwright/test";
import { Agent, request } from "undici";
import { present } from "../../tests/support/present";

export interface LoopbackResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface LoopbackClient {
  /** The address the server sees this client's connections come from. */
  address: string;
  send(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<LoopbackResponse>;
  close(): Promise<void>;
}

const random = (below: number) => Math.floor(Math.random() * below);

/**
 * An HTTP client whose connections come from an address of its own in 127.0.0.0/8 (every one
 * of them is this machine). A server that trusts no proxy (the deployed server of e2e/security)
 * takes the socket's address as the client's, so what this client sets off in its limits is
 * kept apart from every other spec's, which all connect from 127.0.0.1.
 */
export function loopbackClient(port: number): LoopbackClient {
  const address = `127.${1 + random(254)}.${random(256)}.${1 + random(254)}`;
  // The Agent's own option: undici overrides `connect.localAddress` with it.
  const dispatcher = new Agent({ localAddress: address });
  return {
    address,
    async send(path, init = {}) {
      const response = await request(`http://127.0.0.1:${port}${path}`, {
        method: (init.method ?? "GET") as "GET",
        headers: init.headers,
        body: init.body,
        dispatcher,
      });
      return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
    },
    close: () => dispatcher.close(),
  };
}

/** A documentation address (TEST-NET), different on every call: what a client "forwards" to fool a limit. */
export const madeUpAddress = () => `203.0.113.${1 + random(254)}, 198.51.100.${1 + random(254)}`;

/** A loopback client of its own for each test of the file (closed after it): `client()` in a test. */
export function loopbackClientPerTest(port: number): () => LoopbackClient {
  let client: LoopbackClient | undefined;
  test.beforeEach(() => {
    client = loopbackClient(port);
  });
  test.afterEach(async () => {
    await client?.close();
  });
  return () => present(client, "the test's loopback client");
}
