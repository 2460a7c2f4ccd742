import net from "node:net";

export interface Listener {
  host: string;
  port: number;
  /** TCP connections accepted so far (the `connection` event), whatever was sent on them. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A TCP listener that counts connections. As a "black hole" (the default) it accepts and then
 * never answers, like an endpoint that takes the connection and hangs; `answer` lets it reply
 * with a raw HTTP response instead.
 */
export async function startListener(
  host: string,
  { answer }: { answer?: (request: string) => string } = {},
): Promise<Listener> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    if (!answer) return;
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (received.includes("\r\n\r\n")) socket.end(answer(received));
    });
  });
  server.on("connection", () => {
    count += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  return {
    host,
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Whether this machine can listen on ::1 (IPv6 loopback), so the IPv6 cases can run honestly. */
export async function ipv6LoopbackAvailable(): Promise<boolean> {
  const probe = net.createServer();
  return new Promise((resolve) => {
    probe.once("error", () => resolve(false));
    probe.listen(0, "::1", () => probe.close(() => resolve(true)));
  });
}
