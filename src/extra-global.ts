// Entry of `dist/ressenti-extra.min.js` (see extra.ts).
import * as extra from './extra';

(window as Window & { __ressentiExtra?: typeof extra }).__ressentiExtra = extra;
