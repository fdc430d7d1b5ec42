import { describe, expect, it } from "vitest";
import { hostConfigFromEnv, matchHost } from "@/server/hosts";
import { siteUrl } from "@/server/sites/url";

describe("siteUrl", () => {
  it("without SITES_DOMAIN, puts the site beside the request host, keeping its port (dev)", () => {
    expect(siteUrl("ana", "localhost:3000", {})).toBe("http://ana.localhost:3000");
    expect(siteUrl("ana", "LOCALHOST:3000", {})).toBe("http://ana.localhost:3000");
    expect(siteUrl("ana", "office.example.com", {})).toBe("https://ana.office.example.com");
  });

  it("maps loopback IPs to localhost: an IP address cannot carry a subdomain", () => {
    expect(siteUrl("ana", "127.0.0.1:3000", {})).toBe("http://ana.localhost:3000");
    expect(siteUrl("ana", "[::1]:3000", {})).toBe("http://ana.localhost:3000");
  });

  it("falls back to plain localhost when there is no usable request host", () => {
    expect(siteUrl("ana", null, {})).toBe("http://ana.localhost");
    expect(siteUrl("ana", "not a host", {})).toBe("http://ana.localhost");
  });

  it("uses SITES_DOMAIN (and only its port) when configured", () => {
    expect(siteUrl("ana", "office.example.com", { SITES_DOMAIN: "example.com" })).toBe("https://ana.example.com");
    // The request's port says nothing about where sites live once the domain is configured.
    expect(siteUrl("ana", "localhost:3000", { SITES_DOMAIN: "example.com" })).toBe("https://ana.example.com");
    expect(siteUrl("ana", "localhost:3000", { SITES_DOMAIN: "Example.com:8443" })).toBe("https://ana.example.com:8443");
    expect(siteUrl("ana", "x", { SITES_DOMAIN: "localhost:3000" })).toBe("http://ana.localhost:3000");
  });

  it("lets SITES_PROTOCOL override the guess", () => {
    expect(siteUrl("ana", "localhost:3000", { SITES_PROTOCOL: "https" })).toBe("https://ana.localhost:3000");
    expect(siteUrl("ana", "x", { SITES_DOMAIN: "example.com", SITES_PROTOCOL: "http" })).toBe("http://ana.example.com");
  });

  it("produces an address the host router sends back to the same site", () => {
    for (const env of [{}, { APP_HOST: "office.example.com", SITES_DOMAIN: "example.com" }]) {
      const config = hostConfigFromEnv(env);
      const host = new URL(siteUrl("maria-silva", "localhost:3000", env)).host;
      expect(matchHost(host, config)).toEqual({ kind: "site", slug: "maria-silva" });
    }
  });
});
