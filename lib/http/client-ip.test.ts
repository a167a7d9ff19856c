import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, findClientIp, normaliseIp } from "./client-ip";

describe("normaliseIp", () => {
  it("keeps IPv4, unwraps IPv4-mapped IPv6 and ports, and counts IPv6 by its /64", () => {
    expect(normaliseIp("203.0.113.7")).toBe("203.0.113.7");
    expect(normaliseIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseIp("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseIp("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseIp("[2001:DB8:1:2::ffff]:443")).toBe("2001:db8:1:2::/64");
    expect(normaliseIp("::1")).toBe("0:0:0:0::/64");
  });

  it("refuses what is not an address", () => {
    for (const junk of ["", "unknown", "203.0.113.7, 10.0.0.1", "<script>", "999.1.1.1"]) expect(normaliseIp(junk)).toBeNull();
    expect(normaliseIp(undefined)).toBeNull();
  });
});

describe("findClientIp", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("without a trusted proxy, takes the socket's address and ignores forwarded headers a client can forge", () => {
    const forged = headers({ [PEER_ADDRESS_HEADER]: "198.51.100.20", "x-forwarded-for": "10.9.9.9", "x-real-ip": "10.8.8.8" });
    expect(findClientIp(forged, 0)).toBe("198.51.100.20");
    expect(findClientIp(headers({ "x-forwarded-for": "10.9.9.9" }), 0)).toBeNull();
  });

  it("behind N trusted proxies, takes the Nth X-Forwarded-For entry from the right", () => {
    const chain = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.1" });
    expect(findClientIp(chain, 1)).toBe("10.0.0.1");
    expect(findClientIp(chain, 2)).toBe("203.0.113.7");
    expect(findClientIp(chain, 5)).toBe("6.6.6.6");
    expect(findClientIp(headers({ "x-real-ip": "203.0.113.9", [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("203.0.113.9");
    expect(findClientIp(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });
});
