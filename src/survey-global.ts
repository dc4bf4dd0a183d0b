// Entry of `dist/ressenti-survey.min.js` (see survey.ts).
import { part } from './survey';

(window as Window & { __ressentiSurvey?: typeof part }).__ressentiSurvey = part;
