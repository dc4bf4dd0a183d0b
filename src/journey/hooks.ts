import { all, CAPTURE, on, type Stop } from '../platform/listen';
import type { Context } from '../types';
import type { Emit } from './types';

const PREFIX = 'ressentiContext'; // data-ressenti-context-* as a dataset key

/** An element's `data-ressenti-context-*` attributes, keys in camelCase; values stay strings. */
function elementContext(el: Element | null): Context {
  const context: Context = {};
  const data = (el as HTMLElement | null)?.dataset || {};
  for (const key in data)
    if (key.startsWith(PREFIX) && key.length > PREFIX.length)
      context[key[PREFIX.length].toLowerCase() + key.slice(PREFIX.length + 1)] = data[key];
  return context;
}

/** Page-wide context: `data-ressenti-context-*` on `<body>`. */
export const bodyContext = (doc: Document): Context => elementContext(doc.body);

/** Calls `fn` once for every element carrying `attr`, now and whenever one is added or marked later. */
function each(win: Window, attr: string, fn: (el: Element, value: string) => void): Stop {
  const doc = win.document;
  const seen = new WeakSet<Element>();
  const selector = `[${attr}]`;
  const visit = (el: Element) => {
    if (seen.has(el)) return;
    seen.add(el);
    fn(el, el.getAttribute(attr) || '');
  };
  const scan = (root: ParentNode) => root.querySelectorAll(selector).forEach(visit);
  scan(doc);
  const observer = new (win as typeof window).MutationObserver((records) =>
    records.forEach(({ target, addedNodes }) => {
      if ((target as Element).matches?.(selector)) visit(target as Element); // attribute added
      addedNodes.forEach((node) => {
        if (node.nodeType != 1) return;
        if ((node as Element).matches(selector)) visit(node as Element);
        scan(node as Element);
      });
    }),
  );
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: [attr] });
  return () => observer.disconnect();
}

/**
 * Markup hooks: `data-ressenti-moment` fires once per element when at least half visible,
 * `data-ressenti-click` on each click; both with the element's context, both for later elements too.
 */
export function watchHooks(emit: Emit, win: Window): Stop {
  const fire = (el: Element, name: string | null) => name && emit(name, elementContext(el));
  const seen = new (win as typeof window).IntersectionObserver(
    (entries) =>
      entries.forEach(({ target, isIntersecting, intersectionRatio }) => {
        if (!isIntersecting || intersectionRatio < 0.5) return;
        seen.unobserve(target);
        fire(target, target.getAttribute('data-ressenti-moment'));
      }),
    { threshold: 0.5 },
  );
  return all(
    each(win, 'data-ressenti-moment', (el) => seen.observe(el)),
    () => seen.disconnect(),
    on(
      win.document,
      'click',
      (e) => {
        const el = (e.target as Element).closest?.('[data-ressenti-click]');
        if (el) fire(el, el.getAttribute('data-ressenti-click'));
      },
      CAPTURE,
    ),
  );
}

/** Calls `found` once for every `[data-ressenti-inline]` element, now and added later. */
export const watchInline = (win: Window, found: (el: Element, surveyId: string) => void): Stop =>
  each(win, 'data-ressenti-inline', found);
