import { describe, expect, it } from "vitest";
import { addressLimitKey, clientAddress, UNKNOWN_ADDRESS } from "./client-address";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress", () => {
  it("with no trusted proxy is the rightmost entry, the socket's, whatever the client wrote before it", () => {
    expect(clientAddress(forwardedFor("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor("1.1.1.1, 2.2.2.2, 198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("behind N trusted proxies is the entry N places left of the socket's", () => {
    const headers = forwardedFor("6.6.6.6, 203.0.113.9, 10.0.0.2, 10.0.0.1");
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.9");
  });

  it("takes the leftmost entry when there are fewer entries than trusted hops", () => {
    expect(clientAddress(forwardedFor("127.0.0.1"), 1)).toBe("127.0.0.1");
  });

  it("writes each address one way: IPv4-mapped IPv6 as IPv4, IPv6 compressed, ports dropped", () => {
    expect(clientAddress(forwardedFor("::ffff:127.0.0.5"), 0)).toBe("127.0.0.5");
    expect(clientAddress(forwardedFor("2001:DB8:0:0:0:0:0:1"), 0)).toBe("2001:db8::1");
    expect(clientAddress(forwardedFor("203.0.113.9:51234"), 0)).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor("[2001:db8::1]:443"), 0)).toBe("2001:db8::1");
  });

  it("is unknown without the header or for an entry that is no address", () => {
    expect(clientAddress(new Headers(), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(forwardedFor("evil, 127.1"), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(forwardedFor("0x7f.0.0.1"), 0)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("addressLimitKey", () => {
  it("counts IPv4 addresses one by one and IPv6 addresses per /64", () => {
    expect(addressLimitKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:db8:1:2:bbbb::7")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
  });
});
