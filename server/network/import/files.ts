import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";

/**
 * Where uploaded network files wait between the upload, the validation and the write. Local disk
 * under the app's data folder (NETWORK_IMPORT_DIR overrides it). With several app hosts, or a
 * worker on another machine (`npm run worker`), the folder must be shared storage: the job that
 * reads a file may run on any of them. Keys are generated here, never taken from a request.
 */
export function importDir() {
  return process.env.NETWORK_IMPORT_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "tmp", "network-imports");
}

const KEY = /^[0-9a-f-]{36}\.csv$/;

function fileOf(key: string) {
  if (!KEY.test(key)) throw new Error(`not an import file key: ${key}`);
  return path.join(/* turbopackIgnore: true */ importDir(), key);
}

export class FileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

/**
 * Streams `body` to a new file and returns its key, size and first bytes (to tell a CSV from a
 * spreadsheet). Past `maxBytes` the partial file is removed and FileTooLarge thrown, so a huge
 * upload never fills the disk first.
 */
export async function storeImportFile(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number) {
  fs.mkdirSync(/* turbopackIgnore: true */ importDir(), { recursive: true });
  const key = `${randomUUID()}.csv`;
  let size = 0;
  const head: Uint8Array[] = [];
  let headSize = 0;
  async function* limited() {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new FileTooLarge(maxBytes);
      if (headSize < 4096) head.push(chunk.subarray(0, 4096 - headSize)), (headSize += Math.min(chunk.byteLength, 4096 - headSize));
      yield chunk;
    }
  }
  try {
    await pipeline(limited, fs.createWriteStream(/* turbopackIgnore: true */ fileOf(key), { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await removeImportFile(key);
    throw error;
  }
  return { key, size, head: Buffer.concat(head) };
}

export function readImportFile(key: string) {
  return fs.createReadStream(/* turbopackIgnore: true */ fileOf(key), { highWaterMark: 256 * 1024 });
}

/** Removes a stored file; a file already gone is fine (discard and the job may both try). */
export async function removeImportFile(key: string) {
  await fs.promises.rm(/* turbopackIgnore: true */ fileOf(key), { force: true });
}
