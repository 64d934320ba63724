// Owns: the default BlobStorage, files in one directory (UPLOAD_DIR, default data/uploads).
// Not: what is stored or who may store it (uploads.service.ts).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { assertBlobKey, type BlobStorage } from '../../core/blob-storage';

/** Files under `dir`, one per key; written to a temporary name first, so a reader never sees half a file. */
export function localDiskStorage(dir: string): BlobStorage {
  const root = resolve(dir);
  let made: Promise<string | undefined> | null = null;
  const ensureDir = () => (made ??= mkdir(root, { recursive: true }));
  return {
    async put(key, bytes) {
      assertBlobKey(key);
      await ensureDir();
      const temporary = join(root, `.${randomUUID()}.part`);
      await writeFile(temporary, bytes);
      await rename(temporary, join(root, key));
    },
    async get(key) {
      assertBlobKey(key);
      try {
        return await readFile(join(root, key));
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      assertBlobKey(key);
      await rm(join(root, key), { force: true });
    },
    url: () => null,
  };
}
