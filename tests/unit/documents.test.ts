import { describe, expect, it } from "vitest";
import {
  DOCUMENT_TYPES,
  GENERATOR_CAPACITY,
  cnpjCheckDigits,
  cpfCheckDigits,
  formatDocument,
  generateCpf,
  generateValidDocument,
  isDocumentType,
  normaliseDocument,
  rutCheckDigit,
  validateDocument,
  type DocumentType,
} from "@/server/network/documents";

const ok = (value: string) => ({ ok: true, value });
const format = { ok: false, reason: "format" } as const;
const checksum = { ok: false, reason: "checksum" } as const;

describe("CPF", () => {
  /*
   * 529.982.247-25
   *   d1: 5·10 + 2·9 + 9·8 + 9·7 + 8·6 + 2·5 + 2·4 + 4·3 + 7·2 = 295; 295 mod 11 = 9 → 11 − 9 = 2
   *   d2: 5·11 + 2·10 + 9·9 + 9·8 + 8·7 + 2·6 + 2·5 + 4·4 + 7·3 + 2·2 = 347; 347 mod 11 = 6 → 5
   * 987.654.321-00 (both remainders < 2, so both digits are 0)
   *   d1: 9·10 + 8·9 + 7·8 + 6·7 + 5·6 + 4·5 + 3·4 + 2·3 + 1·2 = 330; 330 mod 11 = 0 → 0
   *   d2: 9·11 + 8·10 + 7·9 + 6·8 + 5·7 + 4·6 + 3·5 + 2·4 + 1·3 + 0·2 = 375; 375 mod 11 = 1 → 0
   */
  it("accepts valid numbers with or without the mask", () => {
    expect(cpfCheckDigits("529982247")).toBe("25");
    expect(cpfCheckDigits("987654321")).toBe("00");
    expect(validateDocument("CPF", "529.982.247-25")).toEqual(ok("52998224725"));
    expect(validateDocument("CPF", "52998224725")).toEqual(ok("52998224725"));
    expect(validateDocument("CPF", "987.654.321-00")).toEqual(ok("98765432100"));
    expect(validateDocument("CPF", "  529 982 247 25 ")).toEqual(ok("52998224725"));
    // Leading zeros are part of the number: 000.000.001-91 is a real, valid CPF.
    expect(validateDocument("CPF", "000.000.001-91")).toEqual(ok("00000000191"));
  });

  it("accepts what word processors and phones paste: NBSP, en dash, full-width digits", () => {
    expect(validateDocument("CPF", "529.982.247\u201325")).toEqual(ok("52998224725"));
    expect(validateDocument("CPF", "529\u00a0982\u00a0247\u00a025")).toEqual(ok("52998224725"));
    expect(validateDocument("CPF", "５２９９８２２４７２５")).toEqual(ok("52998224725"));
  });

  it("rejects a wrong check digit as checksum", () => {
    expect(validateDocument("CPF", "529.982.247-24")).toEqual(checksum);
    expect(validateDocument("CPF", "529.982.247-15")).toEqual(checksum);
    // Two digits swapped in the body.
    expect(validateDocument("CPF", "259.982.247-25")).toEqual(checksum);
  });

  it("rejects all-same digits even though they pass mod 11", () => {
    expect(cpfCheckDigits("111111111")).toBe("11");
    for (let d = 0; d <= 9; d++) expect(validateDocument("CPF", String(d).repeat(11))).toEqual(checksum);
    expect(validateDocument("CPF", "111.111.111-11")).toEqual(checksum);
  });

  it("rejects wrong lengths and stray characters as format", () => {
    expect(validateDocument("CPF", "")).toEqual(format);
    expect(validateDocument("CPF", "5299822472")).toEqual(format); // a leading zero dropped by a spreadsheet
    expect(validateDocument("CPF", "529982247250")).toEqual(format);
    expect(validateDocument("CPF", "529.982.247-2X")).toEqual(format);
    expect(validateDocument("CPF", "CPF 529.982.247-25")).toEqual(format);
  });

  it("formats with the usual mask", () => {
    expect(formatDocument("CPF", "52998224725")).toBe("529.982.247-25");
    expect(formatDocument("CPF", "529.982.247-25")).toBe("529.982.247-25");
    expect(formatDocument("CPF", "00000000191")).toBe("000.000.001-91");
    expect(formatDocument("CPF", " 12345 ")).toBe("12345");
  });
});

describe("CNPJ", () => {
  /*
   * 11.222.333/0001-81
   *   d1: 1·5 + 1·4 + 2·3 + 2·2 + 2·9 + 3·8 + 3·7 + 3·6 + 0·5 + 0·4 + 0·3 + 1·2 = 102;
   *       102 mod 11 = 3 → 11 − 3 = 8
   *   d2: 1·6 + 1·5 + 2·4 + 2·3 + 2·2 + 3·9 + 3·8 + 3·7 + 0·6 + 0·5 + 0·4 + 1·3 + 8·2 = 120;
   *       120 mod 11 = 10 → 11 − 10 = 1
   */
  it("accepts valid numbers with or without the mask", () => {
    expect(cnpjCheckDigits("112223330001")).toBe("81");
    expect(validateDocument("CNPJ", "11.222.333/0001-81")).toEqual(ok("11222333000181"));
    expect(validateDocument("CNPJ", "11222333000181")).toEqual(ok("11222333000181"));
    expect(validateDocument("CNPJ", "11 222 333 0001 81")).toEqual(ok("11222333000181"));
  });

  it("rejects wrong check digits, all-same digits and wrong lengths", () => {
    expect(validateDocument("CNPJ", "11.222.333/0001-82")).toEqual(checksum);
    expect(validateDocument("CNPJ", "11.222.333/0002-81")).toEqual(checksum);
    expect(validateDocument("CNPJ", "00.000.000/0000-00")).toEqual(checksum);
    expect(validateDocument("CNPJ", "99999999999999")).toEqual(checksum);
    expect(validateDocument("CNPJ", "1122233300018")).toEqual(format);
    expect(validateDocument("CNPJ", "112223330001810")).toEqual(format);
    // A CPF is not a CNPJ.
    expect(validateDocument("CNPJ", "529.982.247-25")).toEqual(format);
    // Alphanumeric CNPJs (from July 2026) are not accepted yet.
    expect(validateDocument("CNPJ", "12.ABC.345/01DE-35")).toEqual(format);
  });

  it("formats with the usual mask", () => {
    expect(formatDocument("CNPJ", "11222333000181")).toBe("11.222.333/0001-81");
  });
});

describe("RUT", () => {
  /*
   * 12.345.678-5: body digits from the right 8,7,6,5,4,3,2,1 × weights 2,3,4,5,6,7,2,3
   *   = 16 + 21 + 24 + 25 + 24 + 21 + 4 + 3 = 138; 138 mod 11 = 6 → 11 − 6 = 5
   * 10.000.013-K: 3·2 + 1·3 + 0 + 0 + 0 + 0 + 0 + 1·3 = 12; 12 mod 11 = 1 → 11 − 1 = 10 → K
   * 10.000.004-0: 4·2 + 1·3 = 11; 11 mod 11 = 0 → 11 → 0
   */
  it("computes the check digit, including K and 0", () => {
    expect(rutCheckDigit("12345678")).toBe("5");
    expect(rutCheckDigit("10000013")).toBe("K");
    expect(rutCheckDigit("10000004")).toBe("0");
  });

  it("accepts the dotted form, the bare form and a lower-case k", () => {
    expect(validateDocument("RUT", "12.345.678-5")).toEqual(ok("123456785"));
    expect(validateDocument("RUT", "123456785")).toEqual(ok("123456785"));
    expect(validateDocument("RUT", "12345678-5")).toEqual(ok("123456785"));
    expect(validateDocument("RUT", "10.000.013-K")).toEqual(ok("10000013K"));
    expect(validateDocument("RUT", "10.000.013-k")).toEqual(ok("10000013K"));
    expect(validateDocument("RUT", "10000004-0")).toEqual(ok("100000040"));
    // Seven-digit bodies, and the same one written with a leading zero.
    expect(validateDocument("RUT", "7.654.321-6")).toEqual(ok("76543216"));
    expect(validateDocument("RUT", "07.654.321-6")).toEqual(ok("76543216"));
  });

  it("rejects a wrong check digit, K where a digit belongs and bad shapes", () => {
    expect(validateDocument("RUT", "12.345.678-4")).toEqual(checksum);
    expect(validateDocument("RUT", "12.345.678-K")).toEqual(checksum);
    expect(validateDocument("RUT", "10.000.013-0")).toEqual(checksum);
    expect(validateDocument("RUT", "12.345.678-X")).toEqual(format);
    expect(validateDocument("RUT", "1K.345.678-5")).toEqual(format);
    expect(validateDocument("RUT", "123.456.789-0")).toEqual(format); // 9-digit body
    expect(validateDocument("RUT", "123.456-0")).toEqual(format); // 6-digit body
    expect(validateDocument("RUT", "5")).toEqual(format);
    expect(validateDocument("RUT", "")).toEqual(format);
  });

  it("formats with dots and a hyphen", () => {
    expect(formatDocument("RUT", "123456785")).toBe("12.345.678-5");
    expect(formatDocument("RUT", "10000013k")).toBe("10.000.013-K");
    expect(formatDocument("RUT", "76543216")).toBe("7.654.321-6");
  });
});

describe("CC (Colombia) and DNI (Argentina): format only", () => {
  it("accepts 6–10 digit cédulas and drops leading zeros", () => {
    expect(validateDocument("CC", "123456")).toEqual(ok("123456"));
    expect(validateDocument("CC", "1.020.304.050")).toEqual(ok("1020304050"));
    expect(validateDocument("CC", "0079.123.456")).toEqual(ok("79123456"));
  });

  it("rejects cédulas of the wrong length or with letters", () => {
    expect(validateDocument("CC", "12345")).toEqual(format);
    expect(validateDocument("CC", "012345")).toEqual(format); // only five digits once the zero goes
    expect(validateDocument("CC", "12345678901")).toEqual(format);
    expect(validateDocument("CC", "1234567A")).toEqual(format);
    expect(validateDocument("CC", "000000")).toEqual(format);
  });

  it("accepts 7–8 digit Argentine DNIs and rejects others", () => {
    expect(validateDocument("DNI", "12.345.678")).toEqual(ok("12345678"));
    expect(validateDocument("DNI", "1.234.567")).toEqual(ok("1234567"));
    expect(validateDocument("DNI", "01.234.567")).toEqual(ok("1234567"));
    expect(validateDocument("DNI", "123.456")).toEqual(format);
    expect(validateDocument("DNI", "123.456.789")).toEqual(format);
    expect(validateDocument("DNI", "12.345.67A")).toEqual(format);
  });

  it("formats with dots as thousands separators", () => {
    expect(formatDocument("CC", "1020304050")).toBe("1.020.304.050");
    expect(formatDocument("CC", "123456")).toBe("123.456");
    expect(formatDocument("DNI", "12345678")).toBe("12.345.678");
    expect(formatDocument("DNI", "1234567")).toBe("1.234.567");
  });
});

describe("PASSPORT and OTHER", () => {
  it("accept 4–20 letters and digits, upper-cased, separators removed", () => {
    expect(validateDocument("PASSPORT", "fz 123456")).toEqual(ok("FZ123456"));
    expect(validateDocument("PASSPORT", "AB12")).toEqual(ok("AB12"));
    expect(validateDocument("OTHER", "x-1234-5678-9012-3456")).toEqual(ok("X1234567890123456"));
    expect(validateDocument("OTHER", "A".repeat(20))).toEqual(ok("A".repeat(20)));
  });

  it("reject too short, too long and non-alphanumeric values", () => {
    expect(validateDocument("PASSPORT", "AB1")).toEqual(format);
    expect(validateDocument("PASSPORT", "A".repeat(21))).toEqual(format);
    expect(validateDocument("PASSPORT", "AB#12345")).toEqual(format);
    expect(validateDocument("OTHER", "ÑANDÚ123")).toEqual(format);
    expect(validateDocument("OTHER", "   ")).toEqual(format);
  });

  it("display as stored", () => {
    expect(formatDocument("PASSPORT", "fz123456")).toBe("FZ123456");
  });
});

describe("normaliseDocument", () => {
  it("gives the same stored form for every way of typing one document", () => {
    const cpfs = ["529.982.247-25", "52998224725", "529 982 247 25", "529/982/247-25"];
    expect(new Set(cpfs.map((c) => normaliseDocument("CPF", c)))).toEqual(new Set(["52998224725"]));
    expect(normaliseDocument("RUT", "12.345.678-k")).toBe("12345678K");
  });

  it("keeps characters that are not separators so validation can reject them", () => {
    expect(normaliseDocument("CPF", "529.982.247-2x")).toBe("5299822472X");
  });
});

describe("isDocumentType", () => {
  it("recognises exactly the listed types", () => {
    for (const t of DOCUMENT_TYPES) expect(isDocumentType(t)).toBe(true);
    expect(isDocumentType("cpf")).toBe(false);
    expect(isDocumentType("SSN")).toBe(false);
    expect(isDocumentType(1)).toBe(false);
  });
});

describe("generators", () => {
  it.each(DOCUMENT_TYPES.map((t) => [t] as [DocumentType]))(
    "%s: values for n in 0..10000 are valid, canonical and distinct",
    (type) => {
      const seen = new Set<string>();
      for (let n = 0; n <= 10_000; n++) {
        const value = generateValidDocument(type, n);
        expect(validateDocument(type, value)).toEqual(ok(value));
        seen.add(value);
      }
      expect(seen.size).toBe(10_001);
    },
  );

  it("stays valid and distinct at the far end of each range", () => {
    for (const type of DOCUMENT_TYPES) {
      const top = GENERATOR_CAPACITY[type];
      const values = [0, 1, top - 2, top - 1].map((n) => generateValidDocument(type, n));
      for (const v of values) expect(validateDocument(type, v)).toEqual(ok(v));
      expect(new Set(values).size).toBe(4);
    }
  });

  it("skips exactly the all-same CPF bases: the seeds that land beside them still validate", () => {
    // Recover the seed → base mapping from two outputs (base ↦ index among non-all-same bases), then
    // invert it to find the seeds whose base sits right before or after 111111111, 222222222, …
    const size = BigInt(GENERATOR_CAPACITY.CPF);
    const index = (cpf: string) => {
      const base = BigInt(cpf.slice(0, 9));
      return base - base / 111_111_111n - 1n;
    };
    const offset = index(generateCpf(0));
    const step = (((index(generateCpf(1)) - offset) % size) + size) % size;
    const inverse = modInverse(step, size);
    const seedOf = (k: bigint) => Number((((k - offset) % size) + size) % size * inverse % size);
    for (let j = 0n; j < 9n; j++) {
      for (const k of [j * 111_111_110n, j * 111_111_110n + 111_111_109n]) {
        const cpf = generateCpf(seedOf(k));
        expect(validateDocument("CPF", cpf)).toEqual(ok(cpf));
      }
    }
    expect(generateCpf(seedOf(0n)).slice(0, 9)).toBe("000000001");
    expect(generateCpf(seedOf(size - 1n)).slice(0, 9)).toBe("999999998");
  });

  it("is deterministic and does not hand out neighbouring numbers for neighbouring seeds", () => {
    expect(generateCpf(42)).toBe(generateCpf(42));
    const a = Number(generateCpf(1000).slice(0, 9));
    const b = Number(generateCpf(1001).slice(0, 9));
    expect(Math.abs(a - b)).toBeGreaterThan(1000);
  });

  it("rejects seeds outside its range instead of wrapping into duplicates", () => {
    expect(() => generateCpf(-1)).toThrow(RangeError);
    expect(() => generateCpf(1.5)).toThrow(RangeError);
    expect(() => generateCpf(GENERATOR_CAPACITY.CPF)).toThrow(RangeError);
    expect(() => generateValidDocument("RUT", GENERATOR_CAPACITY.RUT)).toThrow(RangeError);
  });
});

/** Modular inverse by the extended Euclidean algorithm; throws when there is none. */
function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, t0, t1] = [m, a % m, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
  }
  if (r0 !== 1n) throw new Error("not invertible: the generator would repeat values");
  return ((t0 % m) + m) % m;
}
