import { describe, expect, it } from "vitest";
import { addressProblem } from "./address-policy";

describe("addressProblem", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["10.1.2.3", "a private address"],
    ["172.16.0.1", "a private address"],
    ["192.168.1.1", "a private address"],
    ["100.64.0.1", "a carrier-grade NAT (shared) address"],
    ["169.254.169.254", "a link-local address"],
    ["0.0.0.0", "an unspecified address"],
    ["255.255.255.255", "a broadcast address"],
    ["224.0.0.1", "a multicast address"],
    ["198.18.0.1", "a reserved (documentation, benchmarking or future use) address"],
    ["192.0.2.1", "a reserved (documentation, benchmarking or future use) address"],
    ["240.0.0.1", "a reserved (documentation, benchmarking or future use) address"],
    ["::1", "a loopback address"],
    ["::", "an unspecified address"],
    ["fe80::1", "a link-local address"],
    ["fc00::1", "a unique-local address"],
    ["fd12:3456::1", "a unique-local address"],
    ["fec0::1", "a site-local address"],
    ["ff02::1", "a multicast address"],
    ["2001:db8::1", "a reserved (documentation, benchmarking or future use) address"],
    ["2001:2::1", "a benchmarking address"],
    ["100::1", "a discard-only address"],
    ["::ffff:7f00:1", "an IPv4-mapped form of 127.0.0.1 (loopback)"],
    ["::ffff:169.254.169.254", "an IPv4-mapped form of 169.254.169.254 (link-local)"],
    ["::ffff:8.8.8.8", "an IPv4-mapped form of 8.8.8.8"],
    ["::ffff:0:7f00:1", "an IPv4-translated form of 127.0.0.1 (loopback)"],
    ["::7f00:1", "an IPv4-compatible form of 127.0.0.1 (loopback)"],
    ["64:ff9b::a9fe:a9fe", "a NAT64 form of 169.254.169.254 (link-local)"],
    ["64:ff9b:1::a00:1", "a local-use NAT64 form (possibly) of 10.0.0.1 (private)"],
    ["2002:7f00:1::", "a 6to4 form of 127.0.0.1 (loopback)"],
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "a Teredo form of 127.0.0.1 (loopback)"],
    ["4000::1", "outside the global unicast block 2000::/3"],
    ["not-an-address", "not an IP address"],
  ])("refuses %s: %s", (address, reason) => {
    expect(addressProblem(address)).toBe(reason);
  });

  it.each(["8.8.8.8", "93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"])(
    "accepts the public unicast address %s",
    (address) => {
      expect(addressProblem(address)).toBeNull();
    },
  );
});
