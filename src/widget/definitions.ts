import { loadJSON } from '../config/load';
import { validateDefinitions } from '../config/validate';
import type { Options, Settings, Strings, Survey } from '../types';
import type { Bus } from './bus';
import type { FetchExtra } from '../extra';
import { tell } from './problems';

/** The valid surveys, the site settings and the string overrides: none until loaded. */
export interface Definitions {
  _surveys: Survey[];
  _settings: Settings;
  _strings?: Strings;
}

/**
 * Loads and checks `options.surveys` and `options.strings` (inline, `#id` or URL) into `w`. Never
 * rejects: each problem is reported (a warning for unknown fields), invalid surveys are left out,
 * and definitions that cannot load leave none.
 */
export function loadDefinitions(w: Definitions & Bus & { _fetchExtra: FetchExtra }, options: Options, win: Window): Promise<void> {
  const failed = (err: Error) => w._report({ source: 'definitions', message: err.message });
  return Promise.all([
    typeof options.surveys == 'string' ? loadJSON(options.surveys, win) : options.surveys || [],
    // Strings that cannot load leave the built-in ones: the surveys still show.
    typeof options.strings == 'string' ? loadJSON(options.strings, win).catch(failed) : options.strings,
  ]).then(([defs, strings]) => {
    const result = validateDefinitions(defs);
    tell(w, result.problems, 'definitions');
    w._surveys = result.surveys;
    w._settings = result.settings;
    w._strings = strings as Strings | undefined;
  }, failed);
}
