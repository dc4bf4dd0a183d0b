import type { UiModule } from './contract';
import { open } from './open';

/**
 * The module the widget loads on demand (contract.ts): the npm build imports it, the script tag's
 * UI file (global.ts) puts it on a global. One object, so that its `_names` are shortened alike in
 * every build (an export's name would not be).
 */
export const ui: UiModule = { _open: open };
