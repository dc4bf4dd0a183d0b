import { all, on, type Stop } from '../platform/listen';
import type { Emit } from './types';
import { wrap } from './wrap';

/**
 * Emits `page-view` with `{ path }` on SPA route changes: `pushState` to another URL, `replaceState`
 * to another path, `popstate`, `hashchange`. The initial page view is not its business.
 */
export function watchNavigation(emit: Emit, win: Window): Stop {
  const { history, location } = win;
  let href = location.href;
  let path = location.pathname;
  // popstate and hashchange both fire for one fragment navigation: comparing URLs counts it once.
  const check = (replace?: boolean) => {
    const changed = replace ? location.pathname != path : location.href != href;
    href = location.href;
    path = location.pathname;
    if (changed) emit('page-view', { path });
  };
  return all(
    wrap(history, 'pushState', () => check()),
    wrap(history, 'replaceState', () => check(true)),
    on(win, 'popstate', () => check()),
    on(win, 'hashchange', () => check()),
  );
}
