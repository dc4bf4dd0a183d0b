import type { Ressenti } from './types';

let warned = false;

/**
 * What `init()` returns where there is no `window` (a framework rendering on the server): an
 * instance whose commands do nothing, so that the same code runs on both sides. Warns once.
 */
export function inert(): Ressenti {
  if (!warned) {
    warned = true;
    console.warn(
      '[ressenti] init() was called where there is no window (server-side rendering): it does nothing there. ' +
        "Call it in the browser: in useEffect (React, Next.js), onMounted (Vue, Nuxt), or a client-side <script> (Astro).",
    );
  }
  const none = () => {};
  return { moment: none, context: none, consent: none, show: none, on: () => none, locale: none, reset: none, destroy: none };
}
