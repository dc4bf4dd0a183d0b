// Entry of `dist/ressenti-delivery.min.js` (see send.ts).
import { createSender } from './send';

(window as Window & { __ressentiDelivery?: { createSender: typeof createSender } }).__ressentiDelivery = { createSender };
