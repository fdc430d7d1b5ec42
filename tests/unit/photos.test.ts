import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isStoredPhotoUrl, readProductPhoto, sniffPhoto, storeProductPhoto } from "@/server/commerce/photos";
import { localFileStore } from "@/server/storage/files";

const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const webp = Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1");

describe("product photos", () => {
  it("tells JPEG, PNG and WebP by their bytes, whatever they are called", () => {
    expect([sniffPhoto(png), sniffPhoto(jpg), sniffPhoto(webp)]).toEqual(["png", "jpg", "webp"]);
  });

  it("refuses what a browser could run or render as a page", () => {
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<!doctype html><script>alert(1)</script>", "GIF89a", ""]) {
      expect(sniffPhoto(Buffer.from(text))).toBeNull();
    }
  });

  it("knows its own URLs and nothing that merely looks like them", () => {
    expect(isStoredPhotoUrl("/api/media/products/7bafb725-a69a-47a0-9fdf-b07481862efc.png")).toBe(true);
    for (const url of ["/api/media/products/../secret.png", "/api/media/products/x.png", "/api/media/products/7bafb725-a69a-47a0-9fdf-b07481862efc.svg", "https://evil.example/api/media/products/7bafb725-a69a-47a0-9fdf-b07481862efc.png"]) {
      expect(isStoredPhotoUrl(url), url).toBe(false);
    }
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rede-photos-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("stores under a generated name and reads back only by such a name", async () => {
    const store = localFileStore(dir);
    const stored = await storeProductPhoto(store, png);
    expect(stored.ok).toBe(true);
    const name = stored.ok ? stored.url.split("/").at(-1)! : "";
    expect(await readProductPhoto(store, name)).toEqual({ bytes: new Uint8Array(png), contentType: "image/png" });
    expect(await readProductPhoto(store, "../../etc/passwd")).toBeNull();
    expect(await readProductPhoto(store, "7bafb725-a69a-47a0-9fdf-b07481862efc.png")).toBeNull();
    expect(await storeProductPhoto(store, Buffer.from("<svg/>"))).toEqual({ ok: false, error: "catalogue.errors.photoType" });
    // The store itself refuses any key it did not make the shape of.
    await expect(store.put("../outside.png", png)).rejects.toThrow(/not a file key/);
  });
});
