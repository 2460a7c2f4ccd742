// Network pieces the tests put between processes: a round-robin TCP balancer in front of app
// instances, and a TCP proxy in front of PostgreSQL that can cut every connection and refuse new ones.
import net from "node:net";

function pipeBoth(client: net.Socket, upstream: net.Socket, sockets: Set<net.Socket>) {
  sockets.add(client);
  sockets.add(upstream);
  const close = () => {
    client.destroy();
    upstream.destroy();
    sockets.delete(client);
    sockets.delete(upstream);
  };
  client.on("error", close);
  upstream.on("error", close);
  client.on("close", close);
  upstream.on("close", close);
  client.pipe(upstream);
  upstream.pipe(client);
}

/** Alternates new connections between the backends' ports; counts connections per backend. */
export async function startBalancer(port: number, backends: number[]) {
  const sockets = new Set<net.Socket>();
  const counts = new Map<number, number>(backends.map((backend) => [backend, 0]));
  let next = 0;
  const server = net.createServer((client) => {
    const backend = backends[next++ % backends.length] as number;
    counts.set(backend, (counts.get(backend) ?? 0) + 1);
    pipeBoth(client, net.connect(backend, "127.0.0.1"), sockets);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A TCP proxy to `target`. `cut()` drops every connection and stops listening (new ones are
 * refused: PostgreSQL shut down); `freeze()` keeps accepting but passes no byte either way (a
 * hung server or a network partition); `restore()` brings it back (frozen connections are reset).
 */
export async function startTcpProxy(port: number, target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let frozen = false;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const created = net.createServer((client) => {
        if (frozen) {
          sockets.add(client);
          client.on("error", () => client.destroy());
          client.pause();
          return;
        }
        pipeBoth(client, net.connect(target.port, target.host), sockets);
      });
      created.once("error", reject);
      created.listen(port, "127.0.0.1", () => {
        server = created;
        resolve();
      });
    });
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = undefined;
      dropAll();
      if (!current) return resolve();
      current.close(() => resolve());
    });
  await listen();
  return {
    port,
    connections: () => sockets.size,
    cut: stop,
    freeze: () => {
      frozen = true;
      for (const socket of sockets) {
        socket.unpipe();
        socket.pause();
      }
    },
    restore: async () => {
      if (frozen) {
        frozen = false;
        dropAll();
      }
      if (!server) await listen();
    },
    close: stop,
  };
}
