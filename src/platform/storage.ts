/**
 * Key–value storage for everything Ressenti remembers (outbox, display history, ids).
 * Values are JSON. Reads go to the backend every time so that tabs sharing localStorage
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

const PREFIX = 'ressenti:';

export function createKV(backend?: Storage | null): KV {
  const memory = new Map<string, string>();
  // Keys whose last write the backend refused (quota): their newest value is the memory copy.
  const unsaved = new Set<string>();
  let store: Storage | null | undefined = backend;

  const read = (key: string): string | null | undefined => {
    if (store && !unsaved.has(key)) {
      try {
        return store.getItem(PREFIX + key);
      } catch {
        // fall through to memory: storage can throw in sandboxed frames
      }
    }
    return memory.get(key);
  };
  const write = (key: string, raw: string) => {
    memory.set(key, raw);
    if (store) {
      try {
        store.setItem(PREFIX + key, raw);
        unsaved.delete(key);
      } catch {
        unsaved.add(key); // quota or private mode: the memory copy keeps the widget working
      }
    }
  };

  return {
    get<T>(key: string) {
      const raw = read(key);
      if (raw == null) return undefined;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      write(key, JSON.stringify(value));
    },
    remove(key) {
      memory.delete(key);
      unsaved.delete(key);
      try {
        store?.removeItem(PREFIX + key);
      } catch {
        // nothing to do: the memory copy is gone
      }
    },
    use(next) {
      // Same backend again (consent granted twice): copying memory over it could undo other tabs' writes.
      if (next === store) return;
      store = next;
      if (next) for (const [key, raw] of memory) write(key, raw);
    },
    keys(prefix) {
      const keys: string[] = [];
      try {
        if (store) for (let i = 0; i < store.length; i++) {
          const key = store.key(i);
          if (key?.startsWith(PREFIX)) keys.push(key.slice(PREFIX.length));
        }
      } catch {
        // storage unreadable: memory has what this page wrote
      }
      // Memory may hold keys another tab has since removed: reading them gives undefined.
      return [...new Set(keys.concat(...memory.keys()))].filter((key) => key.startsWith(prefix));
    },
    clear() {
      this.keys('').forEach((key) => this.remove(key));
    },
  };
}
