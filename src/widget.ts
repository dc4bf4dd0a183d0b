import { qualifies } from './decide/decide';
import { watchInline, watchNavigation } from './journey';
import type { Options } from './types';
import { commands, findSurvey, whenReady, type Widget } from './widget/commands';
import { context, input, log } from './widget/context';
import { createCore, type Platform } from './widget/core';
import { resume } from './widget/deliver';
import { loadDefinitions } from './widget/definitions';
import { display, invite } from './widget/display';
import { moments } from './widget/moments';

export type { Platform } from './widget/core';
export type { Widget };

/**
 * One widget: wires config → moments → decision → UI → delivery for one `init()`. Its state is
 * one plain object (`Core`, widget/core.ts) that the parts in `widget/` share; everything it starts
 * is pushed on `_disposers`, and `destroy()` runs them all.
 */
export function createWidget(options: Options, platform: Platform): Widget {
  const { win } = platform;
  const w = createCore(options, platform);
  // Commands that arrive before the definitions are loaded wait for them, in order.
  w._ready = loadDefinitions(w, options, win);
  const onMoment = moments(w);
  w._disposers.push(resume(w));

  // Start: the link's survey, page-view, markup hooks, inline surveys, SPA navigation, dataLayer.
  // The link first: the visitor came for that survey, and only one shows at a time. Only a visitor
  // who came by one (an e-mail, a QR code) fetches the code that reads it (journey/link.ts, in the extra file).
  if (/[?&]ressenti/.test(win.location.search))
    w._ready = w._ready
      .then(() => w._fetchExtra())
      .then(({ readLink }) => {
        const link = readLink(win);
        const survey = link && !w._destroyed && findSurvey(w, link.surveyId, 'link');
        if (survey) invite(w, survey, 'link', link.answer);
      })
      .catch((err: Error) => w._report({ source: 'link', message: err.message }));
  whenReady(w, () => {
    onMoment('page-view');
    w._disposers.push(
      watchNavigation(onMoment, win),
      watchInline(win, (el, id) =>
        whenReady(w, () => {
          const survey = findSurvey(w, id, 'inline');
          if (!survey) return;
          const ctx = context(w);
          const reason = qualifies(survey, input(w, 'inline', ctx), false);
          if (reason) log(w, ['notInline', id, reason]);
          else display(w, survey, 'inline', ctx, undefined, el);
        }),
      ),
    );
    // Opt-in: the dataLayer watcher travels in the extra file, which pages without it never download.
    if (options.dataLayer)
      w._fetchExtra().then(
        ({ watchDataLayer }) => w._destroyed || w._disposers.push(watchDataLayer(onMoment, win)),
        (err: Error) => w._report({ source: 'datalayer', message: err.message }),
      );
  });
  return commands(w, onMoment);
}
