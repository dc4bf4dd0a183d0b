import { decide } from '../decide/decide';
import type { Reason } from '../decide/reason';
import { watchHooks, type Emit } from '../journey';
import { sourceOf } from '../journey/sources';
import { all } from '../platform/listen';
import type { Context } from '../types';
import { context, debug, input } from './context';
import type { Core } from './core';
import { schedule } from './display';
import { leave } from './slot';

/**
 * The handler of every moment: decides which survey it shows, and schedules that one. A
 * `page-view` (a route change) also restarts the per-page-view sources.
 */
export function moments(w: Core): Emit {
  const win = w._win;
  let view = 0;
  const onMoment = (name: string, extra?: Context) => {
    if (name === 'page-view') {
      // A route change: a survey still waiting (its delay, a form field, the UI download) belongs to the page the visitor left.
      leave(w);
      // Per-page-view sources (scroll depth, dwell, markup hooks…) start afresh on every route.
      w._stopPage();
      const names = w._surveys.flatMap((s) => s.on || []);
      let stopSources = () => {};
      // Their code comes only to a page that needs it (journey/start.ts); a route change or destroy()
      // before it arrives leaves them unstarted.
      const mine = ++view;
      if (names.some(sourceOf))
        w._fetchSources().then(
          ({ startSources }) => mine == view && !w._destroyed && (stopSources = startSources(names, onMoment, win)),
          (err: Error) => w._report({ source: 'moments', message: err.message }),
        );
      w._stopPage = all(() => (view++, stopSources()), watchHooks(onMoment, win));
    }
    const ctx = context(w, extra);
    const decision = decide(input(w, name, ctx));
    const { survey } = decision;
    // With debug, one collapsed group per moment, printed once the chosen survey's fate is known. The
    // reasons are read only then: why each other survey does not show costs a line each.
    let explained: unknown;
    const explain = (notShown?: Reason) => explained || (explained = debug(w, (words) => words.explain(name, ctx, survey?.id, notShown, decision.reasons)));
    if (survey) schedule(w, survey, name, extra, explain);
    else explain();
  };
  return onMoment;
}
