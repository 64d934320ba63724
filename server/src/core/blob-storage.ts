// What the app needs of a place to keep files (processed images): put, get, delete by key,
// and a public address when the store has one. The local-disk store is the default
// (modules/uploads/local-disk-storage.ts); an S3-compatible object store can take its place.

export interface BlobStorage {
  /** Stores the bytes under `key` (letters, digits, `-`, `_`, `.`), replacing what was there. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * An absolute address clients may fetch `key` from directly (a bucket behind a CDN), or null
   * when only this server serves it (at /api/v1/images/:key, which redirects to the address when there is one).
   */
  url(key: string): string | null;
}

/** Keys are flat names: no separators, no dot-files, so no store can be walked out of. */
export const BLOB_KEY = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,119}$/;

export function assertBlobKey(key: string): void {
  if (!BLOB_KEY.test(key) || key.includes('..')) throw new Error(`not a blob key: ${key}`);
}
