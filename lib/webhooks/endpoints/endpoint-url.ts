import net from "node:net";
import { addressProblem } from "../sending/address-policy";
import { type Resolver, systemResolver } from "../sending/resolve-host";
import { privateUrlsAllowed } from "../sending/url-policy";
import { hostOf, urlShapeProblem } from "../sending/url-shape";

/**
 * Whether DonutWork may register `url` as a webhook endpoint: null, or the problem to report for
 * the `url` field. Beyond its shape (url-shape.ts), every address the host is or resolves to must
 * be public unicast (address-policy.ts). The WHATWG URL parser has already turned the other
 * spellings of an IPv4 address (2130706433, 0x7f.1, 0177.0.0.1) into dotted decimal, and IPv6
 * literals into their canonical form, so the address parser sees one form of each address.
 *
 * Registration only gives early, clear feedback: DNS can change afterwards, so deliveries check
 * again on every connection (delivery-agent.ts).
 */
export async function endpointUrlProblem(
  url: string,
  {
    resolve = systemResolver,
    allowPrivate = privateUrlsAllowed(),
  }: { resolve?: Resolver; allowPrivate?: boolean } = {},
): Promise<string | null> {
  const shape = urlShapeProblem(url, { allowPrivate });
  if (shape || allowPrivate) return shape;
  const host = hostOf(new URL(url));
  if (net.isIP(host)) {
    const problem = addressProblem(host);
    return problem ? `must not point to an internal address: ${host} is ${problem}` : null;
  }
  const addresses = await resolve(host).catch(() => []);
  if (addresses.length === 0) return "must be a host name that resolves to an address";
  for (const { address } of addresses) {
    const problem = addressProblem(address);
    if (problem) return `must not point to an internal address: ${host} resolves to ${address}, ${problem}`;
  }
  return null;
}
