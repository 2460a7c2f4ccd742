// Keys that authenticated recently, by secret hash, so a busy integration does not cost a
// database round trip per request. An entry holds what the database said for API_KEY_CACHE_MS
// from when it was asked: a key revoked by another process (the CLI, another instance) stops
// working within that; one revoked by this process stops at once (forget). An entry still in use
// REFRESH_AFTER_MS after it was asked is asked again in the background, so a key in steady use
// never makes a request wait for the database. Only valid keys are cached, so a new key works at once.
const API_KEY_CACHE_MS = 5_000;
const REFRESH_AFTER_MS = 4_000;
const MAX_ENTRIES = 10_000;

export interface CachedApiKey {
  id: string;
  scopes: string[];
}

interface Entry {
  key: CachedApiKey;
  askedAt: number;
  refreshing: boolean;
}

const entries = new Map<string, Entry>();

/**
 * The key cached for `secretHash`, if any. Past REFRESH_AFTER_MS it is looked up again with
 * `lookUp`, once, without waiting: the answer replaces the entry (a key gone or revoked drops it)
 * unless the entry was forgotten meanwhile; a failed look-up leaves the entry to run out.
 */
export function cachedApiKey(
  secretHash: string,
  lookUp: (secretHash: string) => Promise<CachedApiKey | null>,
): CachedApiKey | undefined {
  const entry = entries.get(secretHash);
  if (!entry) return undefined;
  const now = Date.now();
  const age = now - entry.askedAt;
  if (age >= API_KEY_CACHE_MS) {
    entries.delete(secretHash);
    return undefined;
  }
  if (age >= REFRESH_AFTER_MS && !entry.refreshing) {
    entry.refreshing = true;
    lookUp(secretHash).then(
      (key) => {
        if (entries.get(secretHash) !== entry) return;
        if (key) entries.set(secretHash, { key, askedAt: now, refreshing: false });
        else entries.delete(secretHash);
      },
      () => {},
    );
  }
  return entry.key;
}

/** Caches a valid key; `askedAt` is when the database was asked, which the entry's age counts from. */
export function rememberApiKey(secretHash: string, key: CachedApiKey, askedAt: number): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(secretHash, { key, askedAt, refreshing: false });
}

export function forgetApiKey(id: string): void {
  for (const [hash, entry] of entries) if (entry.key.id === id) entries.delete(hash);
}
