import net from "node:net";
import { expect, test } from "@playwright/test";
import { bearer } from "../support/api";
import { credentials } from "../support/credentials";
import { queryDeployedDatabase } from "./support/deployed-database";

// POST /webhook_endpoints.json on the deployed server (no private URLs there): every spelling of
// an internal address is a 422 naming `url`, nothing is stored, and real listeners on the
// loopback addresses the URLs name see no connection.

interface Listener {
  port: number;
  connections: number;
  close: () => Promise<void>;
}

async function listen(host: string): Promise<Listener | undefined> {
  const server = net.createServer((socket) => socket.destroy());
  const listener = {
    port: 0,
    connections: 0,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  server.on("connection", () => {
    listener.connections += 1;
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(0, host, () => resolve(true));
  });
  if (!listening) return undefined;
  listener.port = (server.address() as net.AddressInfo).port;
  return listener;
}

test.describe("POST /webhook_endpoints.json on the deployed server", () => {
  test("refuses every spelling of an internal address with a 422 naming url; the listeners see no connection", async ({
    request,
  }) => {
    const v4 = await listen("127.0.0.1");
    const v6 = await listen("::1");
    if (!v4) throw new Error("cannot listen on 127.0.0.1");
    const p = v4.port;
    const p6 = v6?.port ?? p;
    const tag = `ssrf-${Date.now()}`;
    const urls = [
      `https://[::ffff:127.0.0.1]:${p}/${tag}`,
      `https://[::ffff:169.254.169.254]/${tag}`,
      `https://[0:0:0:0:0:ffff:7f00:1]:${p}/${tag}`,
      `https://[::127.0.0.1]:${p}/${tag}`,
      `https://[64:ff9b::a9fe:a9fe]/${tag}`,
      `https://[64:ff9b:1::a9fe:a9fe]/${tag}`,
      `https://[fec0::1]/${tag}`,
      `https://[fc00::1]/${tag}`,
      `https://[fe80::1]/${tag}`,
      `https://[ff02::1]/${tag}`,
      `https://[::]/${tag}`,
      `https://[::1]:${p6}/${tag}`,
      `https://[2002:7f00:1::]:${p}/${tag}`,
      `https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/${tag}`,
      `https://[2001:db8::1]/${tag}`,
      `https://127.0.0.1:${p}/${tag}`,
      `https://127.1:${p}/${tag}`,
      `https://2130706433:${p}/${tag}`,
      `https://0x7f.1:${p}/${tag}`,
      `https://0x7f000001:${p}/${tag}`,
      `https://0177.0.0.1:${p}/${tag}`,
      `https://127.0.0.1.:${p}/${tag}`,
      `https://localhost:${p}/${tag}`,
      `https://localhost.:${p}/${tag}`,
      `https://hooks.localhost:${p}/${tag}`,
      `https://0.0.0.0:${p}/${tag}`,
      `https://10.0.0.1/${tag}`,
      `https://172.16.0.1/${tag}`,
      `https://192.168.0.1/${tag}`,
      `https://100.64.0.1/${tag}`,
      `https://169.254.169.254/${tag}`,
      `https://198.18.0.1/${tag}`,
      `https://192.0.2.1/${tag}`,
      `https://224.0.0.1/${tag}`,
      `https://255.255.255.255/${tag}`,
      `http://127.0.0.1:${p}/${tag}`,
      `https://user:secret@93.184.215.14/${tag}`,
    ];
    try {
      const accepted: string[] = [];
      for (const url of urls) {
        const response = await request.post("/webhook_endpoints.json", {
          headers: bearer(credentials().deployed.writeKey),
          data: { url, enabled_events: ["charge.refunded"] },
        });
        const body = await response.json();
        if (response.status() !== 422) {
          accepted.push(`${url} → ${response.status()}`);
          if (typeof body.id === "string")
            await request.delete(`/webhook_endpoints/${body.id}.json`, {
              headers: bearer(credentials().deployed.writeKey),
            });
          continue;
        }
        expect(response.headers()["content-type"]).toContain("application/problem+json");
        expect(body.errors, url).toEqual([{ field: "url", message: expect.any(String) }]);
        expect(JSON.stringify(body)).not.toContain('"secret"');
      }
      expect(accepted).toEqual([]);
      const stored = await queryDeployedDatabase("select url from webhook_endpoints where url like $1", [
        `%${tag}`,
      ]);
      expect(stored).toEqual([]);
      // The requests above have all been answered, so any probe of the listeners has happened.
      expect(v4.connections).toBe(0);
      expect(v6?.connections ?? 0).toBe(0);
    } finally {
      await v4.close();
      await v6?.close();
    }
  });
});
