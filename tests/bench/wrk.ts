import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { LoadResult } from "./load";

/** wrk (Debian package) loads the server with far less CPU than a Node client; used when present. */
export const hasWrk = fs.existsSync("/usr/bin/wrk");

function ms(value: string) {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
}

export function wrkLoad(options: { port: number; path: string; host: string; connections: number; seconds: number }): LoadResult {
  const run = spawnSync(
    "/usr/bin/wrk",
    ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--latency", "-H", `Host: ${options.host}`, `http://127.0.0.1:${options.port}${options.path}`],
    { encoding: "utf8" },
  );
  const out = run.stdout;
  const pick = (re: RegExp) => re.exec(out)?.[1] ?? "";
  const requests = Number(pick(/(\d+) requests in/));
  const non2xx = Number(pick(/Non-2xx or 3xx responses: (\d+)/) || 0);
  const errors = non2xx + Number(pick(/Socket errors: connect (\d+)/) || 0);
  return {
    requests,
    errors,
    seconds: options.seconds,
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: ms(pick(/50%\s+(\S+)/)),
    p95: NaN,
    p99: ms(pick(/99%\s+(\S+)/)),
  };
}
