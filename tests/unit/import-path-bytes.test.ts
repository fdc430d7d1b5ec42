import { describe, expect, it } from "vitest";
import { PathBytes } from "@/server/network/import/path-bytes";
import { childPath } from "@/server/network/tree/path";

describe("PathBytes", () => {
  it("writes each row's path as tree/path.ts spells it, parents given first, rows outside the tree skipped", () => {
    // rows: 0 root; 1, 2 under 0; 3 under 2; 4 outside the tree (depth -1)
    const parent = Int32Array.from([-1, 0, 0, 2, -1]);
    const depth = Int32Array.from([0, 1, 1, 2, -1]);
    const idOf = (r: number) => [1, 36 ** 7 - 1, 37, 2_176_782_336, 9][r]!;
    const paths = new PathBytes(Int32Array.from([0, 2, 3, 1]), parent, depth, idOf);
    const text = (r: number) => {
      const buf = Buffer.alloc(64);
      return buf.toString("latin1", 0, paths.write(r, buf, 0));
    };
    const expected = [childPath(null, idOf(0))];
    expected[1] = childPath(expected[0]!, idOf(1));
    expected[2] = childPath(expected[0]!, idOf(2));
    expected[3] = childPath(expected[2]!, idOf(3));
    expect([0, 1, 2, 3].map(text)).toEqual(expected);
    expect(paths.length[4]).toBe(0);
    expect(() => new PathBytes(Int32Array.from([0]), Int32Array.from([-1]), Int32Array.from([0]), () => 36 ** 7)).toThrow(/out of range/);
  });
});
