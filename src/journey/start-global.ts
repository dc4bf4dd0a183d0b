// Entry of `dist/ressenti-sources.min.js` (see start.ts).
import { startSources } from './start';

(window as Window & { __ressentiSources?: { startSources: typeof startSources } }).__ressentiSources = { startSources };
