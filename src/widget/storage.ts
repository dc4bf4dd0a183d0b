import { record, type History } from '../decide/history';
import { uuid } from '../platform/ids';
import { createKV, type KV } from '../platform/storage';

/**
 * What the widget remembers, and where. `_kv` is the visitor's memory (outbox, display history,
 * visitor id), `_skv` the tab session's (session id, popovers shown). Until consent (when
 * `options.consent` is "required") both live in memory only; withdrawing it forgets what was stored.
 */
export interface Memory {
  _consented: boolean;
  _kv: KV;
  _skv: KV;
  /** Granted: storage from now on (memory copied into it). Withdrawn: forget everything stored, go on from memory. */
  _consent(granted: boolean): void;
  _visitor(): string;
  _session(): { id: string; n: number };
  _history(): History;
  /** `reset()`: forget the display history and the tab's popover count. */
  _forget(): void;
}

type Name = 'localStorage' | 'sessionStorage';

/** A stored value, created on first use. */
const stored = <T>(store: KV, key: string, create: () => T) => {
  let value = store.get<T>(key);
  if (!value) store.set(key, (value = create()));
  return value;
};

/**
 * The widget's memory, in storage when `consented`, else in memory until `_consent(true)`. With
 * `anonymous` (`visitor: false`) the tab session's id stands in for the visitor's (the sample draw).
 */
export function createMemory(win: Window, consented: boolean, anonymous: boolean): Memory {
  /** `win[name]` when allowed, else null (memory only); null too in sandboxed frames, which throw on access. */
  const storage = (name: Name) => {
    try {
      return m._consented ? win[name] : null;
    } catch {
      return null;
    }
  };
  // Opened on first use: merely reading `window.localStorage` makes Chromium load the site's whole
  // storage area, a cost a page that never needs it (no survey, nothing to send) should not pay.
  let kv: KV | undefined;
  let skv: KV | undefined;
  const m: Memory = {
    _consented: consented,
    get _kv() {
      return (kv ||= createKV(storage('localStorage')));
    },
    get _skv() {
      return (skv ||= createKV(storage('sessionStorage')));
    },
    _consent(granted) {
      // Withdrawn: what was stored goes first, while the stores still reach it.
      if (!granted) {
        m._kv.clear();
        m._skv.clear();
      }
      m._consented = granted;
      m._kv.use(storage('localStorage'));
      m._skv.use(storage('sessionStorage'));
    },
    _visitor: () => (anonymous ? m._session().id : stored(m._kv, 'visitor', uuid)),
    _session: () => stored(m._skv, 'session', () => ({ id: uuid(), n: 0 })),
    _history: () => m._kv.get<History>('history') || { seen: {} },
    _forget() {
      m._kv.remove('history');
      m._skv.set('session', { ...m._session(), n: 0 });
    },
  };
  return m;
}

/** A survey displayed at `now`: its display history, and for a popover the tab's count (survey file: only a display needs it). */
export function remember(m: Memory, surveyId: string, now: number, popover: boolean) {
  m._kv.set('history', record(m._history(), surveyId, now, popover));
  if (popover) {
    const s = m._session();
    m._skv.set('session', { ...s, n: s.n + 1 });
  }
}
