import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyInput, formatVolume, formatVolumeInput, parseMoney, parseVolume, separatorsOf } from "@/server/commerce/money";

const ok = (value: number) => ({ ok: true, value });
const err = (error: string) => ({ ok: false, error });

describe("parseMoney: what a person types, in their locale, to integer minor units", () => {
  it.each([
    ["49,90", 4990],
    ["49", 4900],
    ["49,9", 4990],
    ["0,29", 29], // a float would make this 28.999…
    ["0,07", 7],
    ["1.249,90", 124990],
    ["1249,90", 124990],
    ["12.345.678,01", 1234567801],
    ["R$ 49,90", 4990],
    ["R$49,90", 4990],
    ["  49,90  ", 4990],
    ["BRL 49,90", 4990],
    ["007,50", 750],
  ])("pt-BR %s → %i", (text, minor) => expect(parseMoney(text, "pt-BR", "BRL")).toEqual(ok(minor)));

  it.each([
    ["49.90", 4990],
    ["1,249.90", 124990],
    ["R$49.90", 4990],
    ["0.1", 10],
  ])("en %s → %i", (text, minor) => expect(parseMoney(text, "en", "BRL")).toEqual(ok(minor)));

  it.each([
    ["49,90", 4990],
    ["1.249,90", 124990],
  ])("es %s → %i", (text, minor) => expect(parseMoney(text, "es", "BRL")).toEqual(ok(minor)));

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["49.90", "format"], // in pt-BR "." groups thousands: 49.90 is no number, not 49,90 guessed
    ["49,999", "decimals"],
    ["1.24,90", "format"],
    ["12,34,56", "format"],
    ["abc", "format"],
    ["4 9,90", "format"],
    ["1e3", "format"],
    ["-5,00", "negative"],
    ["49,90-", "negative"],
    ["US$ 49,90", "format"],
    ["100.000.000,00", "tooLarge"],
    ["99999999999999999999", "tooLarge"],
  ])("pt-BR refuses %j (%s)", (text, error) => expect(parseMoney(text, "pt-BR", "BRL")).toEqual(err(error)));

  it("refuses pt-BR's own writing in English (a comma groups thousands there)", () => {
    expect(parseMoney("49,90", "en", "BRL")).toEqual(err("format"));
    expect(parseMoney("1,000", "en", "BRL")).toEqual(ok(100000));
  });

  it("knows currencies without cents", () => {
    expect(parseMoney("1.500", "es", "CLP")).toEqual(ok(1500));
    expect(parseMoney("1.500,5", "es", "CLP")).toEqual(err("decimals"));
  });

  it("accepts the largest price and no more", () => {
    expect(parseMoney("99.999.999,99", "pt-BR", "BRL")).toEqual(ok(9_999_999_999));
  });
});

describe("parseVolume: PV/CV to hundredths of a point", () => {
  it.each([
    ["15", "pt-BR", 1500],
    ["15,5", "pt-BR", 1550],
    ["15,55", "pt-BR", 1555],
    ["0", "pt-BR", 0],
    ["15.55", "en", 1555],
    ["1.000,25", "es", 100025],
  ])("%s (%s) → %i", (text, locale, value) => expect(parseVolume(text, locale)).toEqual(ok(value)));

  it.each([
    ["15,555", "decimals"],
    ["15.5", "format"],
    ["-1", "negative"],
    ["x", "format"],
  ])("pt-BR refuses %s (%s)", (text, error) => expect(parseVolume(text, "pt-BR")).toEqual(err(error)));
});

describe("formatting, exactly and by locale", () => {
  it("formats minor units without a float step", () => {
    expect(formatMoney(4990, "BRL", "pt-BR")).toBe("R$\u00a049,90");
    expect(formatMoney(124990, "BRL", "en")).toBe("R$1,249.90");
    expect(formatMoney(7, "BRL", "pt-BR")).toBe("R$\u00a00,07");
    expect(formatMoney(-4990, "BRL", "pt-BR")).toBe("-R$\u00a049,90");
    expect(formatMoney(9_007_199_254_740_991, "BRL", "en")).toBe("R$90,071,992,547,409.91");
  });

  it("writes an input value the same parser reads back", () => {
    for (const locale of ["pt-BR", "es", "en"]) {
      for (const minor of [0, 7, 29, 4990, 124990, 9_999_999_999]) {
        expect(parseMoney(formatMoneyInput(minor, "BRL", locale), locale, "BRL")).toEqual(ok(minor));
        expect(parseMoney(formatMoney(minor, "BRL", locale), locale, "BRL")).toEqual(ok(minor));
      }
      for (const v of [0, 5, 1550, 99_999_999]) expect(parseVolume(formatVolumeInput(v, locale), locale)).toEqual(ok(v));
    }
  });

  it("volumes always show two decimals", () => {
    expect(formatVolume(1500, "pt-BR")).toBe("15,00");
    expect(formatVolume(100025, "en")).toBe("1,000.25");
  });

  it("reads the separators from Intl", () => {
    expect(separatorsOf("pt-BR")).toEqual({ decimal: ",", group: "." });
    expect(separatorsOf("en")).toEqual({ decimal: ".", group: "," });
  });
});
