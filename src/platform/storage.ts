/**
 * Key–value storage for everything Ressenti remembers (outbox, display history, ids).
 * Values are JSON (written by `json`, whatever the page did to JSON.stringify). Reads go to the backend every time so that tabs sharing localStorage
 * see each other's writes. While no backend is allowed (consent pending) or the backend
 * fails (private mode, quota), values live in memory and the widget keeps working.
 */
export interface KV {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Switches the backend: a Storage to persist (memory values are copied into it), or null for memory only. */
  use(backend: Storage | null | undefined): void;
  /** The keys starting with `prefix`: the backend's now (other tabs' writes included), and this page's. */
  keys(prefix: string): string[];
  /** Removes every key this store wrote, from memory and from the backend. */
  clear(): void;
}

import { json } from './json';

const PREFIX = 'ressenti:';

/** A KV over `backend` (a Storage, or null for memory only); see KV. */
export function createKV(backend?: Storage | null): KV {
  const memory = new Map<string, string>();
  // Keys whose last write or removal the backend refused: their newest state is in memory.
  const unsaved = new Set<string>();
  let store = backend;

  /** Writes `raw`, or removes the key when there is none. */
  const write = (key: string, raw?: string) => {
    raw == null ? memory.delete(key) : memory.set(key, raw);
    try {
      raw == null ? store?.removeItem(PREFIX + key) : store?.setItem(PREFIX + key, raw);
      unsaved.delete(key);
    } catch {
      // Quota or private mode, or a storage that cannot forget: memory holds the newest state.
      unsaved.add(key);
    }
  };

  return {
    get(key) {
      try {
        // Another tab may have removed a key this page holds in memory: the backend says so.
        return JSON.parse((store && !unsaved.has(key) ? store.getItem(PREFIX + key) : memory.get(key))!) ?? undefined;
      } catch {
        // not JSON, or storage unreadable (sandboxed frames): nothing stored
      }
    },
    // Not JSON.stringify: see json.
    set: (key, value) => write(key, json(value)),
    remove: (key) => write(key),
    use(next) {
      // Same backend again (consent granted twice): copying memory over it could undo other tabs' writes.
      if (next === store) return;
      store = next;
      memory.forEach((raw, key) => write(key, raw));
    },
    keys(prefix) {
      const keys: string[] = [];
      try {
        for (let i = 0, key; store && (key = store.key(i)) != null; i++) if (key.startsWith(PREFIX)) keys.push(key.slice(PREFIX.length));
      } catch {
        // storage unreadable: memory has what this page wrote
      }
      // Memory may hold keys another tab has since removed: reading them gives undefined.
      return [...new Set(keys.concat(...memory.keys()))].filter((key) => key.startsWith(prefix));
    },
    clear() {
      this.keys('').forEach(this.remove);
    },
  };
}
