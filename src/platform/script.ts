import { VERSION } from '../version';
import { after, NO_ANSWER, PATIENCE } from './listen';

/** Trusted Types' policy factory (`window.trustedTypes`), when the browser has it. */
type TrustedTypes = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown } };

let policy: ReturnType<TrustedTypes['createPolicy']> | undefined;

/**
 * Runs the classic script at `url` and resolves with what `read()` then finds (the global the file
 * defines). Rejects with `could not load <what> from <url>: <why>` when it cannot load, throws
 * while it runs (HTML where a script should be), or defines nothing `read()` accepts (a file of
 * another version). Under a nonce CSP the script carries `nonce` (the one our tag was trusted with);
 * under Trusted Types its URL goes through the `ressenti` policy (a page that lists its policies must allow it).
 */
export function loadScript<T>(win: Window, url: string, what: string, read: () => T | undefined, nonce?: string): Promise<T> {
  const doc = win.document;
  const s = doc.createElement('script');
  // An error thrown by the file itself (HTML is a SyntaxError) is not the page's: `currentScript` tells
  // it apart; the file then defines nothing and is reported as not ours.
  const caught = (e: ErrorEvent) => doc.currentScript == s && e.preventDefault();
  return new Promise<T>((resolve, reject) => {
    const done = (why?: unknown) => {
      stop();
      s.parentNode?.removeChild(s); // Prototype.js's remove() throws when it is not placed yet (a Trusted Types refusal)
      win.removeEventListener('error', caught, true);
      const value = why == null && read();
      value ? resolve(value) : reject(Error(`could not load ${what} from ${url}` + (why ?? ': not the file of Ressenti ' + VERSION)));
    };
    // A server that never answers would hold the popover slot, and every later use, for good. Should
    // the file come later it still runs: its global is there for the next try.
    const stop = after(win, PATIENCE, () => done(': ' + NO_ANSWER));
    try {
      s.src = ((policy ||= (win as { trustedTypes?: TrustedTypes }).trustedTypes?.createPolicy('ressenti', { createScriptURL: (u) => u }))?.createScriptURL(url) ?? url) as string;
    } catch {
      return done(`: the page's CSP lacks "trusted-types ressenti"`);
    }
    if (nonce) s.nonce = nonce;
    s.onload = () => done();
    s.onerror = () => done('');
    win.addEventListener('error', caught, true);
    doc.head.append(s);
  });
}

/**
 * `load` run once, its promise shared by every caller (two surveys, a survey and the sender); a
 * failure is forgotten, so that a later caller tries again.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ||= load().catch((err) => {
      loading = undefined;
      throw err;
    }));
}
