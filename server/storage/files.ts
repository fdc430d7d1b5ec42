import fs from "node:fs";
import path from "node:path";

/**
 * Where uploaded files (product photos) live, behind one small interface so a deployment with
 * several app hosts can swap the local folder for shared storage (an S3 bucket, a network disk)
 * without touching the callers. Keys are made by the callers from generated ids, never taken from
 * a request as they are.
 */
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** null when there is no such file. */
  get(key: string): Promise<Uint8Array | null>;
}

const KEY = /^[a-z0-9-]+\/[0-9a-f-]{36}\.[a-z0-9]{2,5}$/;

function checked(root: string, key: string) {
  if (!KEY.test(key)) throw new Error(`not a file key: ${key}`);
  return path.join(/* turbopackIgnore: true */ root, key);
}

/** Files under a local folder (MEDIA_DIR, default .data/media): one host, or a shared mount. */
export function localFileStore(root: string): FileStore {
  return {
    async put(key, bytes) {
      const file = checked(root, key);
      await fs.promises.mkdir(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
      await fs.promises.writeFile(/* turbopackIgnore: true */ file, bytes, { flag: "wx", mode: 0o644 });
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.promises.readFile(/* turbopackIgnore: true */ checked(root, key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

export function fileStore(): FileStore {
  return localFileStore(process.env.MEDIA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "media"));
}
