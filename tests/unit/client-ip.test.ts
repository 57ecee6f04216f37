import { describe, expect, it } from "vitest";
import { clientIp, UNKNOWN_IP } from "@/lib/auth/request-meta";
import { installPeerAddressStamp, PEER_ADDRESS_HEADER } from "@/lib/auth/peer-address";

const h = (xff?: string, peer?: string, realIp?: string) =>
  new Headers({
    ...(xff === undefined ? {} : { "x-forwarded-for": xff }),
    ...(peer === undefined ? {} : { [PEER_ADDRESS_HEADER]: peer }),
    ...(realIp === undefined ? {} : { "x-real-ip": realIp }),
  });

describe("clientIp", () => {
  it("without the peer stamp and no trusted proxy, no header the client writes is believed", () => {
    expect(clientIp(h("203.0.113.5", "198.51.100.1", "203.0.113.6"), 0)).toBe(UNKNOWN_IP);
  });

  it("with no trusted proxy: the socket address, whatever X-Forwarded-For and X-Real-IP say", () => {
    installPeerAddressStamp();
    for (const xff of [undefined, "203.0.113.5", "1.1.1.1, 2.2.2.2", "garbage"])
      expect(clientIp(h(xff, "198.51.100.1", "203.0.113.6"), 0), xff).toBe("198.51.100.1");
    expect(clientIp(h(undefined, "::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(h(undefined, "::1"), 0)).toBe("::1");
    expect(clientIp(h(undefined, ""), 0)).toBe(UNKNOWN_IP);
  });

  it("with N trusted proxies: the N-th X-Forwarded-For entry from the right", () => {
    installPeerAddressStamp();
    const peer = "10.0.0.2"; // the nearest proxy
    expect(clientIp(h("6.6.6.6, 203.0.113.9", peer), 1)).toBe("203.0.113.9");
    expect(clientIp(h("7.7.7.7,6.6.6.6, 203.0.113.9", peer), 1)).toBe("203.0.113.9");
    expect(clientIp(h("6.6.6.6, 203.0.113.9, 10.0.0.1", peer), 2)).toBe("203.0.113.9");
    // fewer entries than proxies: the farthest one there is (the proxies were bypassed or misconfigured)
    expect(clientIp(h("203.0.113.9", peer), 3)).toBe("203.0.113.9");
    expect(clientIp(h(undefined, peer), 1)).toBe(peer);
  });

  it("an entry that is not an IP address is no address", () => {
    installPeerAddressStamp();
    expect(clientIp(h("6.6.6.6, not-an-ip", "10.0.0.2"), 1)).toBe(UNKNOWN_IP);
    expect(clientIp(h("6.6.6.6, 203.0.113.9:443", "10.0.0.2"), 1)).toBe(UNKNOWN_IP);
  });
});
