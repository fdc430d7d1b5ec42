import { describe, expect, it } from "vitest";
import { appOrigin } from "@/server/contact/app-origin";
import { excerpt } from "@/server/knowledge/public";
import { searchWords } from "@/server/knowledge/search-query";

describe("searchWords", () => {
  it("keeps letters and digits of any script, lower-cased, and drops one-letter words", () => {
    expect(searchWords("Não recebi o BOLETO 123! Пароль")).toEqual(["não", "recebi", "boleto", "123", "пароль"]);
  });

  it("cannot carry tsquery syntax", () => {
    expect(searchWords("senha:* & !(a | b) <-> 'x'")).toEqual(["senha"]);
    expect(searchWords("&|!():*<>")).toEqual([]);
  });

  it("is bounded: at most 8 words of at most 40 characters", () => {
    const words = searchWords(`${"a".repeat(100)} ${Array.from({ length: 20 }, (_, i) => `palavra${i}`).join(" ")}`);
    expect(words).toHaveLength(8);
    expect(words[0]).toHaveLength(40);
  });
});

describe("excerpt", () => {
  it("keeps short answers whole and cuts long ones at a word with an ellipsis", () => {
    expect(excerpt("Uma resposta\n\ncurta.")).toBe("Uma resposta curta.");
    const long = `${"palavra ".repeat(60)}fim`;
    const cut = excerpt(long, 50);
    expect(cut.endsWith("palavra…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(51);
  });
});

describe("appOrigin", () => {
  const h = (host: string, extra: Record<string, string> = {}) => new Headers({ host, ...extra });
  it("from a replicated site in dev points at the app host on the same port", () => {
    expect(appOrigin(h("ana.localhost:3000"), {})).toBe("http://localhost:3000");
  });
  it("uses APP_HOST and https in production, APP_URL when set", () => {
    expect(appOrigin(h("ana.rede.example"), { APP_HOST: "office.rede.example", SITES_DOMAIN: "rede.example" })).toBe("https://office.rede.example");
    expect(appOrigin(h("ana.rede.example"), { APP_URL: "https://back.rede.example/" })).toBe("https://back.rede.example");
  });
});
