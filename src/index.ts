import { chunks } from './i18n/chunks';
import { withLanguage } from './i18n/languages';
import { register } from './i18n/registry';
import { inert } from './server';
import type { Options, Ressenti } from './types';
import { createWidget } from './widget';

export type * from './types';

/**
 * Starts Ressenti on this page: loads the definitions, listens for moments, shows surveys and
 * delivers answers. Importing this module touches no global; `init` does, in the browser: on a
 * server (server-side rendering) it returns an instance that does nothing, and warns once.
 */
export function init(options: Options = {}): Ressenti {
  if (typeof window == 'undefined') return inert();
  const widget = createWidget(options, {
    win: window,
    loadUI: withLanguage(
      () => import('./ui/module').then((m) => m.ui),
      (code) => chunks[code]().then((chunk) => register(code, chunk.default)),
      (message) => widget._report({ source: 'ui', message }),
    ),
    loadExtra: () => import('./extra'),
    loadSources: () => import('./journey/start'),
    loadSurvey: () => import('./survey').then((m) => m.part),
  });
  return widget;
}
