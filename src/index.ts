import type { Options, Ressenti } from './types';
import { createWidget } from './widget';

export type * from './types';

/**
 * Starts Ressenti on this page: loads the definitions, listens for moments, shows surveys and
 * delivers answers. Importing this module touches no global; `init` does.
 */
export function init(options: Options = {}): Ressenti {
  return createWidget(options, { win: window, loadUI: () => import('./ui/open') });
}
