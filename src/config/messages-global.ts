// Entry of `dist/ressenti-messages.min.js`: the script tag loads it only to word a problem (see messages.ts).
import * as messages from './messages';

(window as Window & { __ressentiMessages?: typeof messages }).__ressentiMessages = messages;
