import type { Options } from '../types';
import { mustBe, oneOf, type Problem } from './validate';

/** Options from the script tag's `data-*` attributes; an absent attribute is an absent key. */
export function optionsFromScript(el: HTMLElement): Options {
  const data = el.dataset;
  const options: Record<string, unknown> = {};
  for (const key of 'endpoint surveys locale consent strings accent theme position'.split(' ')) if (data[key] != null) options[key] = data[key];
  // Flags: present means on, whatever the value.
  if (data.datalayer != null) options.dataLayer = true;
  if (data.debug != null) options.debug = true;
  return options;
}

const CHOICES = {
  theme: oneOf('light dark auto'),
  position: oneOf('bottom-right bottom-left top-right top-left center'),
  consent: oneOf('required'),
};

/**
 * Warnings for appearance and consent values that mean nothing. Mends `o` so that it can be used
 * as is: a bad theme or position is dropped (the default applies); a bad consent value is read
 * as `required`, since a typo must not start storing and sending without consent.
 */
export function checkOptions(o: Options): Problem[] {
  const problems: Problem[] = [];
  const given = o as Record<string, unknown>;
  for (const key in CHOICES) {
    const v = given[key];
    const [test, expectation] = CHOICES[key as keyof typeof CHOICES];
    if (v === undefined || test(v)) continue;
    const consent = key == 'consent';
    if (consent) o.consent = 'required';
    else delete given[key];
    problems.push({ path: 'data-' + key, message: mustBe(expectation, v) + (consent ? '; treated as "required"' : '; the default applies'), level: 'warning' });
  }
  return problems;
}
