import type { LookupAddress, LookupOptions } from "node:dns";
import net from "node:net";
import { Agent, buildConnector } from "undici";
import { addressProblem } from "./address-policy";
import { type Resolver, systemResolver } from "./resolve-host";

/** A connection must be up within this; the whole delivery has its own 10 s limit (send-webhook.ts). */
export const CONNECT_TIMEOUT_MS = 3_000;

/** Raised from the connector when a webhook would reach an internal address; recorded as the attempt's error. */
export class RefusedAddressError extends Error {
  readonly code = "ERR_WEBHOOK_ADDRESS_REFUSED";
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The HTTP agent every outgoing webhook goes through. The address is checked on each new
 * connection, at connect time: a host name is resolved by our own `lookup` hook, which refuses
 * the connection when any address is internal and hands the socket only the addresses it
 * checked, so nothing resolves the name a second time (no DNS rebinding between a check and
 * the connect). IP literals never reach a lookup hook, so the connector checks them itself.
 * Kept-alive connections are reused only for the origin they were checked for.
 *
 * With `allowPrivate` (local development, url-policy.ts) nothing is refused.
 */
export function createDeliveryAgent({
  resolve = systemResolver,
  allowPrivate,
}: {
  resolve?: Resolver;
  allowPrivate: boolean;
}): Agent {
  const lookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    checkedAddresses(resolve, hostname).then(
      (addresses) => {
        if (options.all) return callback(null, addresses);
        const [first] = addresses;
        if (!first) return callback(new RefusedAddressError(`refused: ${hostname} has no address`), "");
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, ""),
    );
  };
  const connect = buildConnector({
    timeout: CONNECT_TIMEOUT_MS,
    ...(allowPrivate ? {} : { lookup }),
  });
  return new Agent({
    connect: (options, callback) => {
      const problem = allowPrivate || !net.isIP(options.hostname) ? null : addressProblem(options.hostname);
      if (problem)
        return callback(new RefusedAddressError(`refused: ${options.hostname} is ${problem}`), null);
      connect(options, callback);
    },
    keepAliveTimeout: 4_000,
  });
}

async function checkedAddresses(resolve: Resolver, hostname: string): Promise<LookupAddress[]> {
  let addresses: Awaited<ReturnType<Resolver>>;
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    throw new RefusedAddressError(`refused: ${hostname} does not resolve (${(error as Error).message})`);
  }
  if (addresses.length === 0) throw new RefusedAddressError(`refused: ${hostname} has no address`);
  // One internal answer refuses the name: a server that mixes public and internal answers is
  // trying its luck with whichever address the socket picks.
  for (const { address } of addresses) {
    const problem = addressProblem(address);
    if (problem) throw new RefusedAddressError(`refused: ${hostname} resolves to ${address}, ${problem}`);
  }
  return addresses;
}
