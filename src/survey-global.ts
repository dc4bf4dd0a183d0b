// Entry of `dist/ressenti-survey.min.js` (see survey.ts): the script refuses a file of another version.
import { part } from './survey';
import { VERSION } from './version';

(window as Window & { __ressentiSurvey?: unknown }).__ressentiSurvey = { ...part, version: VERSION };
