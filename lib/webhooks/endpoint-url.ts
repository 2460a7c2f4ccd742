import { lookup } from "node:dns/promises";
import net from "node:net";
import { env } from "../env";

/**
 * Whether DonutWork may send webhooks to `url`: https, and not resolving to loopback, private,
 * link-local or other internal addresses (no SSRF into our own network). Local mode and
 * WEBHOOK_ALLOW_PRIVATE_URLS lift both rules, so a developer can receive on http://127.0.0.1.
 * Checked when an endpoint is registered and again before every delivery (DNS can change).
 */
export async function endpointUrlProblem(url: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be an absolute URL";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "must be an https URL";
  if (parsed.username || parsed.password) return "must not contain credentials";
  const { DONUTWORK_LOCAL_MODE, WEBHOOK_ALLOW_PRIVATE_URLS } = env();
  if (DONUTWORK_LOCAL_MODE || WEBHOOK_ALLOW_PRIVATE_URLS) return null;
  if (parsed.protocol !== "https:") return "must be an https URL";
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [host] : await resolve(host);
  if (addresses.length === 0) return "does not resolve to any address";
  if (addresses.some(isInternalAddress)) return "resolves to a loopback or private address";
  return null;
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

const INTERNAL_V4 = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const;

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isInternalAddress(mapped);
  if (net.isIPv4(address)) {
    const value = toInt(address);
    return INTERNAL_V4.some(([base, bits]) => value >>> (32 - bits) === toInt(base) >>> (32 - bits));
  }
  const lower = address.toLowerCase();
  return (
    lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower)
  );
}

function toInt(ipv4: string): number {
  return ipv4.split(".").reduce((value, octet) => ((value << 8) | Number(octet)) >>> 0, 0);
}
