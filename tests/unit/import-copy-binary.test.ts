import { describe, expect, it } from "vitest";
import { BinaryRows, dateDays } from "@/server/network/import/copy-binary";

describe("binary COPY encoding", () => {
  it("writes dates as days from 2000-01-01 and refuses impossible ones", () => {
    // Reference values from PostgreSQL: select 'YYYY-MM-DD'::date - '2000-01-01'::date
    expect([dateDays("2000-01-01"), dateDays("1999-12-31"), dateDays("2024-02-29"), dateDays("0050-03-01")]).toEqual([0, -1, 8825, -712163]);
    for (const bad of ["2023-02-29", "2024-13-01", "2024-1-01", "2024-00-10"]) expect(() => dateDays(bad)).toThrow(/not a date/);
  });

  it("frames rows as the server reads them: header, fields with lengths, -1 for null, trailer", () => {
    const out = new BinaryRows();
    out.row(4);
    out.int8(2 ** 40 + 5);
    out.text("São");
    out.null();
    out.int2(2);
    const bytes = Buffer.concat(out.end());
    expect(bytes.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
    const body = bytes.subarray(19);
    expect(body.readInt16BE(0)).toBe(4);
    expect([body.readInt32BE(2), body.readInt32BE(6), body.readUInt32BE(10)]).toEqual([8, 256, 5]);
    expect(body.readInt32BE(14)).toBe(4); // "São" is 4 bytes of UTF-8
    expect(body.subarray(18, 22).toString("utf8")).toBe("São");
    expect([body.readInt32BE(22), body.readInt32BE(26), body.readInt16BE(30), body.readInt16BE(32)]).toEqual([-1, 2, 2, -1]);
    expect(body.length).toBe(34);
  });
});
