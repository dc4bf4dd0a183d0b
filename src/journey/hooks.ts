import { all, on, type Stop } from '../platform/listen';
import type { Context } from '../types';
import type { Emit } from './types';

/** An element's `data-ressenti-context-*` attributes, keys in camelCase; values stay strings. */
function elementContext(el: Element | null): Context {
  const context: Context = {};
  const data = (el as HTMLElement | null)?.dataset || {};
  // dataset names data-ressenti-context-cart-value `ressentiContextCartValue`: the key is `cartValue`.
  for (const key in data) if (/^ressentiContext./.test(key)) context[key[15].toLowerCase() + key.slice(16)] = data[key];
  return context;
}

/** Page-wide context: `data-ressenti-context-*` on `<body>`. */
export const bodyContext = (doc: Document): Context => elementContext(doc.body);

/** Calls `fn` once for every element carrying `attr`, now and whenever one is added or marked later. */
function each(win: Window, attr: string, fn: (el: Element, value: string) => void): Stop {
  const seen = new WeakSet<Element>();
  const selector = `[${attr}]`;
  const visit = (el: Element) => {
    if (!el.matches?.(selector) || seen.has(el)) return;
    seen.add(el);
    fn(el, el.getAttribute(attr)!);
  };
  const scan = (node: Node) => {
    visit(node as Element);
    (node as Element).querySelectorAll?.(selector).forEach(visit);
  };
  scan(win.document);
  // The target itself (an attribute added), and each added node with what is inside it: never the
  // whole (maybe large) parent that nodes were added to.
  const observer = new (win as typeof window).MutationObserver((records) =>
    records.forEach(({ target, addedNodes }) => {
      visit(target as Element);
      addedNodes.forEach(scan);
    }),
  );
  observer.observe(win.document.documentElement, { childList: true, subtree: true, attributeFilter: [attr] });
  return () => observer.disconnect();
}

/**
 * Markup hooks: `data-ressenti-moment` fires once per element when at least half visible,
 * `data-ressenti-click` on each click; both with the element's context, both for later elements too.
 */
export function watchHooks(emit: Emit, win: Window): Stop {
  const fire = (el: Element, attr: string) => {
    const name = el.getAttribute(attr);
    if (name) emit(name, elementContext(el));
  };
  const seen = new (win as typeof window).IntersectionObserver(
    (entries) =>
      entries.forEach(({ target, intersectionRatio }) => {
        if (intersectionRatio < 0.5) return;
        seen.unobserve(target);
        fire(target, 'data-ressenti-moment');
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
        if (el) fire(el, 'data-ressenti-click');
      },
      true,
    ),
  );
}

/** Calls `found` once for every `[data-ressenti-inline]` element, now and added later. */
export const watchInline = (win: Window, found: (el: Element, surveyId: string) => void): Stop =>
  each(win, 'data-ressenti-inline', found);
