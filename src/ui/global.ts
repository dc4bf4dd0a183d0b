// The script tag's UI file (dist/ressenti-ui.min.js): the core injects it and reads this global.
import { buildEvent, open, pushDataLayer, whenFree } from './open';

(window as unknown as { __ressentiUI: unknown }).__ressentiUI = { open, whenFree, buildEvent, pushDataLayer };
