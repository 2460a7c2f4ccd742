import net from "node:net";
import { StartupError } from "./startup-error";

/**
 * Whether the web server could listen on `port`: probed by listening on it the way the server
 * does (every address, IPv6 and IPv4), then letting go at once.
 */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve(false);
      else if (error.code === "EACCES")
        reject(
          new StartupError([`port ${port} is reserved for root. Pick one above 1023: PORT=3000 npm start`]),
        );
      else reject(error);
    });
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/** Throws the port message, with a free port to use instead, when `port` is taken. */
export async function requireFreePort(port: number): Promise<void> {
  if (!(await portIsFree(port))) throw await portTaken(port);
}

export async function portTaken(port: number): Promise<StartupError> {
  let suggestion = port + 1;
  while (suggestion < Math.min(port + 20, 65535) && !(await portIsFree(suggestion))) suggestion++;
  return new StartupError([
    `port ${port} is already in use (by another program, or DonutWork is already running). Pick another one: PORT=${suggestion} npm start`,
  ]);
}
