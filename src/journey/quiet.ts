import { after, on, type Stop } from '../platform/listen';

/**
 * No popover now: `<body data-ressenti-quiet>`, a `[data-ressenti-quiet]` element on screen,
 * something in fullscreen (a video) or a modal `<dialog>` open (two modals fight for focus).
 */
export function isQuiet(win: Window): boolean {
  const doc = win.document;
  try {
    return (
      !!doc.fullscreenElement ||
      [...doc.querySelectorAll('[data-ressenti-quiet]')].some((el) => {
        const r = el.getBoundingClientRect(); // all zeros when not rendered (display: none)
        return el == doc.body || (r.bottom > 0 && r.right > 0 && r.top < win.innerHeight && r.left < win.innerWidth);
      }) ||
      !!doc.querySelector('dialog:modal')
    );
  } catch {
    return false; // a browser without :modal: no modal dialog we can see
  }
}

/** Focus is where the visitor types: a text-like input, textarea, select or editable content (also in open shadow roots). */
export function formFocused(doc: Document): boolean {
  let el = doc.activeElement as HTMLInputElement | null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLInputElement;
  // Inputs that take a click are not typing; a textarea's and a select's `type` are `textarea` and `select-one`.
  return (
    !!el &&
    (el.isContentEditable ||
      (/^(input|select|textarea)$/.test(el.localName) && !/^(button|submit|reset|image|checkbox|radio|range|color|file)$/.test(el.type)))
  );
}

/**
 * Waits until focus leaves the form fields: resolves true once it has (focus moving to the next
 * field does not count), false after `maxMs`. `cancel` stops waiting and never resolves.
 */
export function waitUntilFree(win: Window, maxMs: number): { promise: Promise<boolean>; cancel: Stop } {
  const doc = win.document;
  const stops: Stop[] = [];
  const cancel = () => stops.forEach((stop) => stop());
  const promise = new Promise<boolean>((resolve) => {
    const done = (free: boolean) => {
      cancel();
      resolve(free);
    };
    // Judged a tick after focusout, once focus has landed wherever it is going.
    stops.push(
      after(win, maxMs, () => done(false)),
      on(doc, 'focusout', () => stops.push(after(win, 0, () => formFocused(doc) || done(true)))),
    );
  });
  return { promise, cancel };
}

/**
 * The never-interrupt policy, once a popover's delay is over: waits (at most `maxMs`, `waiting`
 * called first) for focus to leave a form field, then looks for a quiet zone. Resolves null when
 * the popover may appear now, else why not. It runs only then, so it travels in the survey file.
 */
export function whenFree(win: Window, maxMs: number, waiting = () => {}): { promise: Promise<string | null>; cancel: Stop } {
  const quiet = () => (isQuiet(win) ? 'quiet zone on screen' : null);
  if (!formFocused(win.document)) return { promise: Promise.resolve(quiet()), cancel() {} };
  waiting();
  const wait = waitUntilFree(win, maxMs);
  return { promise: wait.promise.then((free) => (free ? quiet() : 'a form field kept focus')), cancel: wait.cancel };
}
