// The script tag's UI file (dist/ressenti-ui.min.js): the core injects it and reads this global
// and checks its version.
import { VERSION } from '../version';
import { ui } from './module';

(window as unknown as { __ressentiUI: unknown }).__ressentiUI = { ...ui, version: VERSION };
