import { describe, expect, it } from "vitest";
import { hostConfigFromEnv, matchHost, parseHostHeader, type HostConfig } from "@/server/hosts";

/** Dev defaults: nothing configured, so the app is `localhost` and sites are `{slug}.localhost`. */
const dev = hostConfigFromEnv({});
/** A production-style deployment. */
const prod: HostConfig = hostConfigFromEnv({ APP_HOST: "office.example.com", SITES_DOMAIN: "example.com" });

const app = { kind: "app" } as const;
const unknown = { kind: "unknown" } as const;
const site = (slug: string) => ({ kind: "site", slug }) as const;

describe("hostConfigFromEnv", () => {
  it("defaults to localhost for both the app and the sites", () => {
    expect(dev).toEqual({ appHost: "localhost", sitesDomain: "localhost" });
  });

  it("ignores ports and case, and defaults the sites domain to the app host", () => {
    expect(hostConfigFromEnv({ APP_HOST: "localhost:3000" })).toEqual({ appHost: "localhost", sitesDomain: "localhost" });
    expect(hostConfigFromEnv({ APP_HOST: "Office.Example.com:8443", SITES_DOMAIN: "EXAMPLE.com:443" })).toEqual({
      appHost: "office.example.com",
      sitesDomain: "example.com",
    });
    expect(hostConfigFromEnv({ APP_HOST: "office.example.com" })).toEqual({
      appHost: "office.example.com",
      sitesDomain: "office.example.com",
    });
  });

  it("falls back to defaults for unusable values instead of matching nothing", () => {
    expect(hostConfigFromEnv({ APP_HOST: "bad host", SITES_DOMAIN: "" })).toEqual({ appHost: "localhost", sitesDomain: "localhost" });
    expect(hostConfigFromEnv({ APP_HOST: "office.example.com", SITES_DOMAIN: "http://x" })).toEqual({
      appHost: "office.example.com",
      sitesDomain: "office.example.com",
    });
  });

  it("stores an IDN app host as punycode", () => {
    expect(hostConfigFromEnv({ APP_HOST: "escritório.example.com", SITES_DOMAIN: "example.com" }).appHost).toBe(
      "xn--escritrio-b7a.example.com",
    );
  });
});

describe("parseHostHeader", () => {
  it("splits hostname and port, lower-cased, trailing dot dropped", () => {
    expect(parseHostHeader("ana.localhost:3000")).toEqual({ hostname: "ana.localhost", port: "3000" });
    expect(parseHostHeader("ANA.LOCALHOST")).toEqual({ hostname: "ana.localhost", port: "" });
    expect(parseHostHeader("example.com.")).toEqual({ hostname: "example.com", port: "" });
    expect(parseHostHeader("  example.com  ")).toEqual({ hostname: "example.com", port: "" });
  });

  it("turns unicode hostnames into punycode", () => {
    expect(parseHostHeader("joão.example.com")).toEqual({ hostname: "xn--joo-nla.example.com", port: "" });
  });

  it("keeps IP literals", () => {
    expect(parseHostHeader("127.0.0.1:3000")).toEqual({ hostname: "127.0.0.1", port: "3000" });
    expect(parseHostHeader("[::1]:3000")).toEqual({ hostname: "[::1]", port: "3000" });
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["null", null],
    ["undefined", undefined],
    ["inner space", "ana .localhost"],
    ["userinfo", "user@example.com"],
    ["bare @", "@"],
    ["dots only", ".."],
    ["empty label", "a..b.com"],
    ["double trailing dot", "example.com.."],
    ["a URL", "http://x"],
    ["a path", "example.com/admin"],
    ["a query", "example.com?x=1"],
    ["a fragment", "example.com#x"],
    ["a backslash", "example.com\\x"],
    ["over-long header", `${"a".repeat(60)}.`.repeat(6) + "com"],
    ["label over 63 chars", `${"a".repeat(64)}.example.com`],
    ["leading hyphen", "-ana.example.com"],
    ["trailing hyphen", "ana-.example.com"],
    ["underscore", "a_b.example.com"],
    ["port out of range", "example.com:99999"],
    ["non-numeric port", "example.com:abc"],
    ["port only", ":3000"],
  ])("refuses %s", (_label, header) => {
    expect(parseHostHeader(header)).toBeNull();
    expect(matchHost(header, dev)).toEqual(unknown);
  });
});

describe("matchHost with the dev defaults", () => {
  it.each([
    ["localhost", app],
    ["localhost:3000", app],
    ["www.localhost:3000", app],
    ["ana.localhost:3000", site("ana")],
    ["ANA.LOCALHOST:3000", site("ana")],
    ["ana.localhost.", site("ana")],
    ["maria-silva.localhost", site("maria-silva")],
  ])("%s → %j", (header, expected) => {
    expect(matchHost(header, dev)).toEqual(expected);
  });

  it("sends IPv4 and IPv6 loopback to the app", () => {
    expect(matchHost("127.0.0.1", dev)).toEqual(app);
    expect(matchHost("127.0.0.1:3000", dev)).toEqual(app);
    expect(matchHost("[::1]:3000", dev)).toEqual(app);
  });

  it("refuses reserved labels: they are never a consultant's site", () => {
    for (const label of ["admin", "api", "app", "portal", "login", "sites", "static"]) {
      expect(matchHost(`${label}.localhost:3000`, dev)).toEqual(unknown);
    }
  });

  it("refuses nested subdomains", () => {
    expect(matchHost("a.b.localhost:3000", dev)).toEqual(unknown);
    expect(matchHost("www.ana.localhost", dev)).toEqual(unknown);
  });

  it("never treats an IDN label as a slug (slugs are ASCII)", () => {
    expect(matchHost("joão.localhost:3000", dev)).toEqual(unknown);
    expect(matchHost("xn--joo-nla.localhost:3000", dev)).toEqual(unknown);
  });
});

describe("matchHost in production (APP_HOST=office.example.com, SITES_DOMAIN=example.com)", () => {
  it.each([
    ["office.example.com", app],
    ["OFFICE.EXAMPLE.COM:443", app],
    ["example.com", app],
    ["www.example.com", app],
    ["ana.example.com", site("ana")],
    ["ana.example.com.", site("ana")],
    ["other.com", unknown],
    ["ana.other.com", unknown],
    ["notexample.com", unknown],
    ["ana.notexample.com", unknown],
    ["example.com.evil.test", unknown],
    ["ana.office.example.com", unknown],
    ["a.b.example.com", unknown],
    ["admin.example.com", unknown],
    ["api.example.com", unknown],
    ["joão.example.com", unknown],
  ])("%s → %j", (header, expected) => {
    expect(matchHost(header, prod)).toEqual(expected);
  });

  it("does not route bare loopback to the app when the app has a real hostname", () => {
    expect(matchHost("127.0.0.1", prod)).toEqual(unknown);
    expect(matchHost("localhost:3000", prod)).toEqual(unknown);
    expect(matchHost("ana.localhost:3000", prod)).toEqual(unknown);
  });

  it("serves a punycode app host whether the header is unicode or punycode", () => {
    const idn = hostConfigFromEnv({ APP_HOST: "escritório.example.com", SITES_DOMAIN: "example.com" });
    expect(matchHost("escritório.example.com", idn)).toEqual(app);
    expect(matchHost("xn--escritrio-b7a.example.com", idn)).toEqual(app);
    expect(matchHost("ana.example.com", idn)).toEqual(site("ana"));
  });
});
