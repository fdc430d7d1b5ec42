/**
 * National ID documents asked for at consultant enrolment: validation, the canonical form stored in
 * the database (so one person cannot enrol twice by typing the mask differently) and the display
 * mask. Pure and dependency-free; the caller turns a `reason` into a pt-BR/es/en sentence.
 *
 * - CPF (Brazil, people): 11 digits, two mod-11 check digits.
 * - CNPJ (Brazil, companies): 14 digits, two mod-11 check digits. Receita Federal starts issuing
 *   alphanumeric CNPJs in July 2026 (letters in the first 12 positions, same mod-11 on charCode − 48);
 *   not accepted yet — widen the pattern in `validateDocument` when the product asks for it.
 * - CC (Colombia, cédula de ciudadanía): 6–10 digits, no check digit, so format only.
 * - RUT (Chile): body of 7–8 digits + check digit 0–9/K, mod 11 with weights 2..7 from the right.
 * - DNI: **Argentina** (7–8 digits, no check digit). Peru's DNI (exactly 8 digits) would be a
 *   separate type if the company operates there; the two cannot share one rule.
 * - PASSPORT / OTHER: 4–20 letters or digits, no checksum anywhere in the world to rely on.
 */

export const DOCUMENT_TYPES = ["CPF", "CNPJ", "CC", "RUT", "DNI", "PASSPORT", "OTHER"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** `format`: wrong length or characters. `checksum`: right shape, but not a number that can exist. */
export type DocumentValidation = { ok: true; value: string } | { ok: false; reason: "format" | "checksum" };

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === "string" && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/**
 * What people type or paste between the characters: spaces (NBSP too), dots, slashes and every
 * dash a word processor may substitute for "-". Anything else (letters in a CPF…) is kept so that
 * validation can reject it instead of silently dropping it.
 */
const SEPARATORS = /[\s./\-\u2010-\u2015\u2212]/gu;

/** Numbers without a fixed width are numbers: "01.234.567" and "1.234.567" are the same person. */
const dropLeadingZeros = (digits: string) => digits.replace(/^0+(?=\d)/, "");

/**
 * Canonical stored form: CPF/CNPJ digits only (leading zeros are significant), CC/DNI digits
 * without leading zeros, RUT body + check digit upper case ("12345678K"), passport/other upper
 * case without separators. For input that is not valid the result is a best-effort compact string
 * that `validateDocument` rejects; never store it without validating.
 */
export function normaliseDocument(type: DocumentType, raw: string): string {
  // NFKC turns full-width digits and letters (mobile keyboards, copied PDFs) into ASCII.
  const compact = raw.normalize("NFKC").replace(SEPARATORS, "").toUpperCase();
  switch (type) {
    case "CC":
    case "DNI":
      return dropLeadingZeros(compact);
    case "RUT":
      return compact.length < 2 ? compact : dropLeadingZeros(compact.slice(0, -1)) + compact.slice(-1);
    default:
      return compact;
  }
}

const SHAPES: Record<DocumentType, RegExp> = {
  CPF: /^\d{11}$/,
  CNPJ: /^\d{14}$/,
  CC: /^[1-9]\d{5,9}$/,
  RUT: /^[1-9]\d{6,7}[0-9K]$/,
  DNI: /^[1-9]\d{6,7}$/,
  PASSPORT: /^[A-Z0-9]{4,20}$/,
  OTHER: /^[A-Z0-9]{4,20}$/,
};

export function validateDocument(type: DocumentType, raw: string): DocumentValidation {
  const value = normaliseDocument(type, raw);
  if (!SHAPES[type].test(value)) return { ok: false, reason: "format" };
  const valid =
    type === "CPF"
      ? !ALL_SAME.test(value) && cpfCheckDigits(value.slice(0, 9)) === value.slice(9)
      : type === "CNPJ"
        ? !ALL_SAME.test(value) && cnpjCheckDigits(value.slice(0, 12)) === value.slice(12)
        : type === "RUT"
          ? rutCheckDigit(value.slice(0, -1)) === value.slice(-1)
          : true;
  return valid ? { ok: true, value } : { ok: false, reason: "checksum" };
}

/**
 * Display mask, from a canonical or raw value. A value that does not fit the type (a legacy row,
 * say) is shown trimmed and unmasked rather than squeezed into a mask it does not fit.
 */
export function formatDocument(type: DocumentType, value: string): string {
  const v = normaliseDocument(type, value);
  if (!SHAPES[type].test(v)) return value.trim();
  switch (type) {
    case "CPF":
      return v.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1.$2.$3-$4");
    case "CNPJ":
      return v.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, "$1.$2.$3/$4-$5");
    case "RUT":
      return `${groupThousands(v.slice(0, -1))}-${v.slice(-1)}`;
    case "CC": // Colombia and Argentina both write these numbers with "." as thousands separator.
    case "DNI":
      return groupThousands(v);
    default:
      return v;
  }
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");

// "111.111.111-11" and "00.000.000/0000-00" pass mod 11 but are placeholders, never issued.
const ALL_SAME = /^(\d)\1*$/;

/** Brazilian mod-11 digit: weighted sum, remainder r; digit is 0 when r < 2, else 11 − r. */
function mod11(digits: string, weights: readonly number[]): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  const r = sum % 11;
  return String(r < 2 ? 0 : 11 - r);
}

const CPF_W1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
const CPF_W2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** The two check digits of a 9-digit CPF base. */
export function cpfCheckDigits(base: string): string {
  const d1 = mod11(base, CPF_W1);
  return d1 + mod11(base + d1, CPF_W2);
}

/** The two check digits of a 12-digit CNPJ base (8-digit root + 4-digit branch). */
export function cnpjCheckDigits(base: string): string {
  const d1 = mod11(base, CNPJ_W1);
  return d1 + mod11(base + d1, CNPJ_W2);
}

/** Chilean "módulo 11": weights 2,3,4,5,6,7,2,3… from the right; 11 − (sum mod 11), 11 → 0, 10 → K. */
export function rutCheckDigit(body: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += (body.charCodeAt(i) - 48) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  return r === 11 ? "0" : r === 10 ? "K" : String(r);
}

// ---------------------------------------------------------------------------------------------
// Deterministic generators for synthetic data (seeding a million consultants).
//
// n is spread over the type's number space by n ↦ (n·M + C) mod size. M is a prime that divides
// none of the sizes, so the map is a bijection on [0, size): distinct n give distinct documents
// with no lookup table, in O(1), and neighbouring n do not give neighbouring numbers. M·size stays
// below 2^53, so the arithmetic is exact in doubles. These numbers are valid, so some belong to real
// people: use them only in synthetic databases.

const SPREAD = 7_368_787;
const OFFSET = 4_201_337;
const CPF_BASES = 999_999_990; // 10^9 nine-digit bases minus the ten all-same ones
const ALL_SAME_STEP = 111_111_111; // the all-same bases are its multiples 0, 111111111, …, 999999999

/** How many distinct documents `generateValidDocument` can make for each type. */
export const GENERATOR_CAPACITY: Record<DocumentType, number> = {
  CPF: CPF_BASES,
  CNPJ: 100_000_000, // 8-digit roots, branch 0001 (the head office)
  CC: 1_000_000_000, // 10 digits starting with 1, like cédulas issued since 2004
  RUT: 20_000_000, // bodies 5.000.000–24.999.999, the range of living adults
  DNI: 40_000_000, // 10.000.000–49.999.999
  PASSPORT: 676_000_000, // Brazilian layout: two letters + six digits
  OTHER: 1_000_000_000,
};

function spread(type: DocumentType, n: number): number {
  const size = GENERATOR_CAPACITY[type];
  if (!Number.isSafeInteger(n) || n < 0 || n >= size) {
    throw new RangeError(`${type} generator takes an integer in [0, ${size}), got ${n}`);
  }
  return (n * SPREAD + OFFSET) % size;
}

/** A valid CPF (canonical, 11 digits), distinct for each seed in [0, 999 999 990). */
export function generateCpf(seed: number): string {
  const k = spread("CPF", seed);
  // k-th base that is not all-same: skip one value at the start of each block of 111 111 111.
  const base = String(k + Math.floor(k / (ALL_SAME_STEP - 1)) + 1).padStart(9, "0");
  return base + cpfCheckDigits(base);
}

/** A valid canonical document of the given type, distinct for each n in [0, GENERATOR_CAPACITY). */
export function generateValidDocument(type: DocumentType, n: number): string {
  if (type === "CPF") return generateCpf(n);
  const k = spread(type, n);
  switch (type) {
    case "CNPJ": {
      const base = `${String(k).padStart(8, "0")}0001`;
      return base + cnpjCheckDigits(base);
    }
    case "CC":
      return String(1_000_000_000 + k);
    case "RUT": {
      const body = String(5_000_000 + k);
      return body + rutCheckDigit(body);
    }
    case "DNI":
      return String(10_000_000 + k);
    case "PASSPORT": {
      const letters = Math.floor(k / 1_000_000);
      const first = String.fromCharCode(65 + Math.floor(letters / 26), 65 + (letters % 26));
      return first + String(k % 1_000_000).padStart(6, "0");
    }
    case "OTHER":
      return String(k).padStart(9, "0");
  }
}
