import ipaddr from "ipaddr.js";
import { env } from "../env";

/** What the limits key on when no address can be read (a request that reached Next.js some other way). */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The client's address. The app's own server appends the socket's address to X-Forwarded-For
 * (lib/http/front-door.ts), so the rightmost entry is always the peer that connected. Each
 * trusted proxy in front appends the peer *it* saw, so the client is the entry `hops` places
 * left of the rightmost; everything further left was written by the client and proves nothing.
 * With fewer entries than that (a request that bypassed a proxy), the leftmost one is taken.
 */
export function clientAddress(headers: Headers, hops: number = trustedProxyHops()): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[Math.max(0, entries.length - 1 - hops)];
  return (entry && normalised(entry)) ?? UNKNOWN_ADDRESS;
}

/** TRUSTED_PROXY_HOPS, or 1 for the older TRUST_PROXY=1, or 0: the socket itself. */
export function trustedProxyHops(): number {
  const { TRUSTED_PROXY_HOPS, TRUST_PROXY } = env();
  return TRUSTED_PROXY_HOPS ?? (TRUST_PROXY ? 1 : 0);
}

/**
 * The key an address is limited under. One IPv6 client usually has a whole /64 to pick
 * addresses from, so IPv6 addresses count per /64; IPv4 addresses count one by one.
 */
export function addressLimitKey(address: string): string {
  if (!ipaddr.IPv6.isValid(address)) return address;
  const parts = ipaddr.IPv6.parse(address).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/**
 * One spelling per address: `::ffff:127.0.0.1` (how a dual-stack socket reports an IPv4 peer)
 * becomes `127.0.0.1`, IPv6 is compressed, and a port some proxies add is dropped. Anything
 * that is not an address is undefined.
 */
function normalised(entry: string): string | undefined {
  const candidates = [
    entry,
    entry.replace(/^\[(.+)\](?::\d+)?$/, "$1"),
    entry.replace(/^([\d.]+):\d+$/, "$1"),
  ];
  // Strict forms only: ipaddr.isValid also takes inet_aton's `127.1` and `0x7f.0.0.1`.
  const address = candidates.find(
    (candidate) => ipaddr.IPv4.isValidFourPartDecimal(candidate) || ipaddr.IPv6.isValid(candidate),
  );
  return address === undefined ? undefined : ipaddr.process(address).toString();
}
