import ipaddr from "ipaddr.js";

/**
 * Whether an outgoing webhook may connect to `address` (an IP address as DNS or a URL gives it):
 * null when it may, otherwise what the address is ("a loopback address"), to follow "X is". Only what ipaddr.js classifies as plain `unicast` is
 * accepted; every special range is refused (loopback, private, CGNAT, link-local, multicast,
 * unspecified, broadcast, benchmarking, documentation, reserved, unique-local, site-local…).
 * IPv6 must also lie in 2000::/3, the only block allocated for global unicast, which shuts out
 * the unlisted oddities such as IPv4-compatible addresses (::a.b.c.d).
 *
 * The IPv6 forms that carry an IPv4 address (mapped, translated, compatible, NAT64, 6to4,
 * Teredo) are refused whatever they carry, since a translator or the host's own stack may
 * deliver them to that IPv4 address; the reason names the IPv4 address and its range.
 */
export function addressProblem(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return "not an IP address";
  }
  if (parsed.kind() === "ipv4") {
    const range = (parsed as ipaddr.IPv4).range();
    return range === "unicast" ? null : `${rangeName(range)} address`;
  }
  const v6 = parsed as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const v4range = embedded.address.range();
    const judged = v4range === "unicast" ? "" : ` (${rangeName(v4range, { article: false })})`;
    return `${embedded.form} of ${embedded.address.toString()}${judged}`;
  }
  const range = v6.range();
  if (range !== "unicast") return `${rangeName(range)} address`;
  if (!v6.match(GLOBAL_UNICAST)) return "outside the global unicast block 2000::/3";
  return null;
}

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR("::/96");
const NAT64_LOCAL = ipaddr.IPv6.parseCIDR("64:ff9b:1::/48");

/** The IPv4 address an IPv6 one stands for, by the embedding forms of RFC 4291, 6052, 3056 and 4380. */
function embeddedIPv4(address: ipaddr.IPv6): { form: string; address: ipaddr.IPv4 } | null {
  const [, p1 = 0, p2 = 0, , , , p6 = 0, p7 = 0] = address.parts;
  const last32 = () => v4(p6, p7);
  switch (address.range()) {
    case "ipv4Mapped":
      return { form: "an IPv4-mapped form", address: last32() };
    case "rfc6145":
      return { form: "an IPv4-translated form", address: last32() };
    case "rfc6052":
      // 64:ff9b::/96 ends in the IPv4 address; the local-use 64:ff9b:1::/48 may put it
      // elsewhere (its prefix length is the operator's), so the last 32 bits are only a guess there.
      return {
        form: address.match(NAT64_LOCAL) ? "a local-use NAT64 form (possibly)" : "a NAT64 form",
        address: last32(),
      };
    case "6to4":
      return { form: "a 6to4 form", address: v4(p1, p2) };
    case "teredo":
      // The client address is stored inverted in the last 32 bits.
      return { form: "a Teredo form", address: v4(~p6 & 0xffff, ~p7 & 0xffff) };
    default:
      // :: and ::1 are judged as themselves (unspecified, loopback), not as 0.0.0.x.
      if (address.match(IPV4_COMPATIBLE) && (p6 !== 0 || p7 > 1))
        return { form: "an IPv4-compatible form", address: last32() };
      return null;
  }
}

function v4(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

// With their articles, since "a unique-local" is not spelt the way it sounds.
const RANGE_NAMES: Record<string, string> = {
  unspecified: "an unspecified",
  broadcast: "a broadcast",
  multicast: "a multicast",
  linkLocal: "a link-local",
  loopback: "a loopback",
  carrierGradeNat: "a carrier-grade NAT (shared)",
  private: "a private",
  reserved: "a reserved (documentation, benchmarking or future use)",
  benchmarking: "a benchmarking",
  uniqueLocal: "a unique-local",
  deprecatedSiteLocal: "a site-local",
  discard: "a discard-only",
};

/** "a loopback", "an unspecified": the range's name for a message, with its article unless told not to. */
function rangeName(range: string, { article = true } = {}): string {
  const name = RANGE_NAMES[range] ?? `a special-purpose (${range})`;
  return article ? name : name.replace(/^an? /, "");
}
