// Keys that authenticated recently, by secret hash, so a busy integration does not cost a
// database round trip per request. Entries live a few seconds: a key revoked by another
// process (the CLI, another instance) stops working within API_KEY_CACHE_MS; one revoked by
// this process stops at once (forget). Only valid keys are cached, so a new key works at once.
const API_KEY_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  key: { id: string; scopes: string[] };
  expiresAt: number;
}

const entries = new Map<string, Entry>();

export function cachedApiKey(secretHash: string): Entry["key"] | undefined {
  const entry = entries.get(secretHash);
  if (!entry) return undefined;
  if (entry.expiresAt > Date.now()) return entry.key;
  entries.delete(secretHash);
  return undefined;
}

export function rememberApiKey(secretHash: string, key: Entry["key"]): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(secretHash, { key, expiresAt: Date.now() + API_KEY_CACHE_MS });
}

export function forgetApiKey(id: string): void {
  for (const [hash, entry] of entries) if (entry.key.id === id) entries.delete(hash);
}
